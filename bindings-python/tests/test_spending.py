"""Planned against spent money (issue 15): kartan's spending table, summed per currency
over the projects that record both a budget and disbursements or expenditures, equals
an independent ElementTree reading (``scripts/iati_spending.py``) for every real IATI
file in ``../shared/data/real/iati/``."""

from __future__ import annotations

import sys
from decimal import Decimal

import kartan
import pytest
from conftest import REAL, REPO

sys.path.insert(0, str(REPO / "scripts"))
import iati_spending as independent  # noqa: E402

pa = pytest.importorskip("pyarrow")

FILES = sorted((REAL / "iati").glob("*.xml"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_planned_and_spent_match_an_independent_reading(path) -> None:
    p, _ = kartan.import_iati(path)
    rows = pa.table(p.tables.spending(decimals="exact")).to_pylist()
    got: dict[str, dict[str, object]] = {}
    for row in rows:
        if row["planned"] is None or row["spent"] is None:
            continue
        t = got.setdefault(row["currency"], {"planned": Decimal(0), "spent": Decimal(0), "projects": 0})
        t["planned"] += row["planned"]
        t["spent"] += row["spent"]
        t["projects"] += 1
    want = independent.spending(str(path))
    assert {c: {k: (format(v.normalize(), "f") if isinstance(v, Decimal) else v) for k, v in t.items()} for c, t in got.items()} == want


def test_the_spending_table_of_the_annotated_example() -> None:
    p, _ = kartan.import_iati(REAL / "iati" / "iati_standard_example_annotated_2.03.xml")
    rows = pa.table(p.tables.spending()).to_pylist()
    # The one transaction is incoming funds of 1000 EUR: received, nothing spent (None, not 0).
    [eur] = [r for r in rows if r["currency"] == "EUR" and r["transactions"]]
    assert (eur["received"], eur["spent"], eur["used"], eur["transactions"]) == (1000.0, None, None, 1)


CODES = {name: i + 1 for i, name in enumerate([
    "incoming_funds", "outgoing_commitment", "disbursement", "expenditure", "interest_payment",
    "loan_repayment", "reimbursement", "purchase_of_equity", "sale_of_equity", "credit_guarantee",
    "incoming_commitment", "outgoing_pledge", "incoming_pledge",
])}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_transaction_total_per_type_and_currency_is_kept(path) -> None:
    p, report = kartan.import_iati(path)
    got: dict[str, Decimal] = {}
    for project in p.projects:
        for t in project.transactions:
            key = f"{CODES[t.type]} {t.value.currency}"
            got[key] = got.get(key, Decimal(0)) + t.value.amount
    assert {k: format(v.normalize(), "f") for k, v in sorted(got.items())} == independent.transaction_totals(str(path))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_money_by_program_commits_and_spends_what_an_independent_reading_adds(path) -> None:
    """``p.tables.money("program")``: per currency, ``committed`` is the file's type-2
    total and ``spent`` the type-3 plus type-4 total of the independent reading; a
    currency with none of them has ``None``, never 0."""
    p, _ = kartan.import_iati(path)
    totals = {k: Decimal(v) for k, v in independent.transaction_totals(str(path)).items()}
    rows = pa.table(p.tables.money("program", decimals="exact")).to_pylist()
    currencies = {r["currency"] for r in rows if r["transactions"]}
    assert currencies == {k.split(" ")[1] for k in totals}
    for row in rows:
        c = row["currency"]
        committed = totals.get(f"2 {c}")
        spent = None if f"3 {c}" not in totals and f"4 {c}" not in totals else totals.get(f"3 {c}", 0) + totals.get(f"4 {c}", 0)
        assert (row["committed"], row["spent"]) == (committed, spent), c
        assert row["unconverted"] is None


def test_planned_disbursements_and_recipient_areas_of_the_annotated_example(tmp_path) -> None:
    """The IATI standard's annotated example: its recipient countries and regions with
    their shares, and its planned disbursements with provider and receiver, typed
    (``kartan.RecipientArea``, ``kartan.PlannedDisbursement``; money as ``Decimal``,
    dates as ``datetime.date``); by year, the money table sets them beside spending;
    saving and loading keeps them."""
    import datetime

    p, _ = kartan.import_iati(REAL / "iati" / "iati_standard_example_annotated_2.03.xml")
    a = p.projects[0]
    assert [(c.code, c.percentage) for c in a.recipient_countries] == [("AF", Decimal(25)), ("AG", Decimal(25))]
    assert [(r.code, r.vocabulary, r.vocabulary_uri) for r in a.recipient_regions] == [
        ("489", "1", None), ("A1", "99", "http://example.com/vocab.html")]
    first = a.planned_disbursements[0]
    assert isinstance(first, kartan.PlannedDisbursement) and first.kind == "original"
    assert (first.value.amount, first.value.currency, first.value_date) == (Decimal(3000), "EUR", datetime.date(2014, 1, 1))
    assert (first.provider.organisation, first.provider.activity, first.provider.name.best("en")) == (
        "BB-BBB-123456789", "BB-BBB-123456789-1234AA", "Agency B")
    assert first.receiver.iati_type == "23" and a.planned_disbursements[1].provider is None
    money = pa.table(p.tables.money("year", decimals="exact")).to_pylist()
    assert [(r["year"], r["currency"], r["planned_disbursements"]) for r in money if r["planned_disbursements"]] == [
        (2014, "EUR", Decimal(6000))]
    p.save(tmp_path / "p.json")
    assert kartan.load(tmp_path / "p.json").projects[0] == a

"""Independent pandas computation of the Carpentries post-survey figures.

Reads the real file and the question/scale declarations below (kept in step with
examples/mappings/carpentries_post_survey.toml, but computed without kartan), and
writes tests/vectors/survey/carpentries_expected.json, which the Rust suite asserts
(counts exactly, means/medians/standard deviations/shares to 2 decimals).

Conventions (DESIGN.md rule 9): blank cells are missing, never 0; labels are compared
after turning no-break spaces into spaces, collapsing white space and lower-casing;
the standard deviation is the sample one (ddof=1, pandas' default); top-two-box is the
share (a fraction) of valid answers in the two highest points (9-10 on the 0-10 scale).

Run (from the repository root, with pandas installed, e.g. in a venv under /tmp):
    python tests/reference/carpentries_reference.py
"""

import json
import pathlib
import re

import pandas as pd

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared/data/real/surveys/carpentries_instructor_training_post_survey_2018.csv"
OUT = ROOT / "tests/vectors/survey/carpentries_expected.json"

AGREE = ["Strongly Disagree", "Disagree", "Neither Agree nor Disagree", "Agree", "Strongly Agree"]
FREQUENCY = ["Never", "Rarely", "Sometimes", "Often", "All of the time"]
NEW_INFO = ["None of it", "Some of it", "About half of it", "Most of it", "All of it"]
QUESTIONS = {
    "InformationReasonableTime": AGREE,
    "AtmosphereWelcoming": AGREE,
    "LearnedSkills": AGREE,
    "Material": AGREE,
    "Recommend": AGREE,
    "Worth": AGREE,
    "TrainersClearAnswers": FREQUENCY,
    "TrainersConsiderate": FREQUENCY,
    "TrainersCommunicators": FREQUENCY,
    "TrainersEnthusiastic": FREQUENCY,
    "NewInformation": NEW_INFO,
    "LikelyToRecommend": None,  # numeric 0-10
}
EVENT_MISSING = {"my training event is not listed"}
TREND_QUESTIONS = ["Worth", "LikelyToRecommend"]


def norm(s):
    return re.sub(r"\s+", " ", str(s).replace("\u00a0", " ")).strip().lower()


def r(x):
    return None if pd.isna(x) else float(x)


def scores(frame, col):
    labels = QUESTIONS[col]
    raw = frame[col].dropna().astype(str).str.strip()
    raw = raw[raw != ""]
    if labels is None:
        return pd.to_numeric(raw, errors="raise").astype(float)
    lookup = {norm(l): i + 1 for i, l in enumerate(labels)}
    mapped = raw.map(lambda v: lookup[norm(v)])
    return mapped.astype(float)


def stats(frame, col):
    s = scores(frame, col)
    n = int(s.count())
    labels = QUESTIONS[col]
    if labels is None:
        points = [(str(v), float(v)) for v in range(0, 11)]
        top = s >= 9
    else:
        points = [(l, float(i + 1)) for i, l in enumerate(labels)]
        top = s >= len(labels) - 1
    dist = [{"label": l, "score": sc, "count": int((s == sc).sum())} for l, sc in points]
    return {
        "question": col,
        "responses": int(len(frame)),
        "n": n,
        "missing": int(len(frame) - n),
        "mean": r(s.mean()) if n else None,
        "median": r(s.median()) if n else None,
        "sd": r(s.std(ddof=1)) if n >= 2 else None,
        "top_two_box": r(top.sum() / n) if n else None,
        "distribution": dist,
    }


def main():
    df = pd.read_csv(DATA, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    df = df.apply(lambda c: c.str.strip())
    df = df.replace("", pd.NA)
    df["_date"] = pd.to_datetime(df["Date"], format="%m/%d/%y %H:%M").dt.date
    ev = df["MemberSite"]
    df["_event"] = ev.where(~ev.fillna("").map(norm).isin(EVENT_MISSING | {""}))

    overall = [stats(df, q) for q in QUESTIONS]
    with_event = df[df["_event"].notna()]
    events = []
    for name, g in with_event.groupby("_event", sort=False):
        events.append({
            "event": name,
            "date": str(min(g["_date"])),
            "responses": int(len(g)),
            "questions": {q: {k: v for k, v in stats(g, q).items() if k in ("n", "mean", "top_two_box")} for q in QUESTIONS},
        })
    events.sort(key=lambda e: (e["date"], e["event"]))
    trends = {
        q: [{"event": e["event"], "date": e["date"], "n": e["questions"][q]["n"], "mean": e["questions"][q]["mean"]} for e in events]
        for q in TREND_QUESTIONS
    }
    out = {
        "source": "shared/data/real/surveys/carpentries_instructor_training_post_survey_2018.csv",
        "computed_by": "tests/reference/carpentries_reference.py (pandas %s)" % pd.__version__,
        "conventions": "blank = missing; sd is the sample standard deviation (n-1); top_two_box is a fraction",
        "rows": int(len(df)),
        "responses_with_event": int(len(with_event)),
        "event_count": len(events),
        "questions": overall,
        "events": events,
        "trends": trends,
    }
    OUT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", OUT.relative_to(ROOT), "-", len(overall), "questions,", len(events), "events")


if __name__ == "__main__":
    main()

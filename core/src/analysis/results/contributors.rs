//! Resolving a program indicator's contributors through a project tree of any depth.

use serde::Serialize;

use crate::model::{Diagnostic, Measure};

use super::error::ResultsError;
use super::index::{Entry, ResultsIndex};
use super::series::effective_cumulation;

/// A leaf indicator whose values roll up into the program indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Contributor<'a> {
    /// The contributing indicator's id.
    pub indicator: &'a str,
    /// The project owning it; `None` for a program indicator.
    pub project: Option<&'a str>,
    /// The intermediate indicators it rolls up through, from the program indicator's
    /// direct contributor down to its parent; empty for a direct contributor (and for
    /// the rolled-up indicator's own values).
    pub via: Vec<&'a str>,
    /// True when this entry is the *own values* of an indicator that also has
    /// contributors (the values it reports itself, added to its contributors' ones);
    /// left out of JSON when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub own_values: bool,
}

/// True when an indicator reports any target or actual of its own.
fn has_own_values(indicator: &crate::model::Indicator, targets: bool) -> bool {
    indicator.periods.iter().any(|p| !p.actuals.is_empty() || (targets && !p.targets.is_empty()))
}

/// The info note that an indicator's own values are added to its contributors'.
fn own_values_note(entry: &Entry<'_>, root: &str) -> Diagnostic {
    Diagnostic::info(
        "own-values-added",
        entry.pointer(),
        format!(
            "indicator {:?} has contributors and reports values of its own: the roll-up of {root:?} adds its own values to its contributors' (own values plus contributors', as akvo-rsr does); if its own values already include its contributors', they are counted twice",
            entry.indicator.id
        ),
    )
}

/// The leaves of `root`'s contributor tree, each once, in depth-first order of the
/// `contributors` lists. An indicator without contributors is its own single leaf. An
/// indicator with contributors counts as its own values plus its contributors' (the
/// rule of akvo-rsr, whose parent period is its own approved updates plus its
/// children's): when it reports values itself, it is a leaf too (`own_values`), listed
/// before its contributors, with an info diagnostic `own-values-added`. For `root`
/// itself only its actuals count as own values: its targets are the stated targets of
/// the roll-up (DESIGN.md rule 4).
///
/// # Errors
/// [`ResultsError::MissingContributor`], [`ResultsError::ContributorCycle`],
/// [`ResultsError::MeasureUnknown`], [`ResultsError::MixedMeasures`],
/// [`ResultsError::MixedCumulation`].
pub(crate) fn leaves<'a>(
    index: &ResultsIndex<'a>,
    root: Entry<'a>,
    measure: Measure,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<(Entry<'a>, Contributor<'a>)>, ResultsError> {
    let own = |e: Entry<'a>, via: Vec<&'a str>| {
        (e, Contributor { indicator: &e.indicator.id, project: e.project, via, own_values: true })
    };
    if root.indicator.contributors.is_empty() {
        let c =
            Contributor { indicator: &root.indicator.id, project: root.project, via: Vec::new(), own_values: false };
        return Ok(vec![(root, c)]);
    }
    let mode = effective_cumulation(measure, root.indicator.cumulation);
    let mut out = Vec::new();
    if has_own_values(root.indicator, false) {
        diagnostics.push(own_values_note(&root, &root.indicator.id));
        out.push(own(root, Vec::new()));
    }
    // Depth-first without recursion: (node, next contributor to visit).
    let mut stack: Vec<(Entry<'a>, usize)> = vec![(root, 0)];
    while let Some((node, next)) = stack.last_mut() {
        let node = *node;
        let Some(id) = node.indicator.contributors.get(*next) else {
            stack.pop();
            continue;
        };
        let k = *next;
        *next += 1;
        let child = index.get(id).ok_or_else(|| ResultsError::MissingContributor {
            indicator: node.indicator.id.clone(),
            contributor: id.clone(),
            pointer: format!("{}/contributors/{k}", node.pointer()),
        })?;
        if let Some(start) = stack.iter().position(|(e, _)| std::ptr::eq(e.indicator, child.indicator)) {
            let mut path: Vec<String> = stack[start..].iter().map(|(e, _)| e.indicator.id.clone()).collect();
            path.push(id.clone());
            return Err(ResultsError::ContributorCycle { path });
        }
        let found = child.indicator.measure.ok_or_else(|| ResultsError::MeasureUnknown {
            indicator: child.indicator.id.clone(),
            pointer: child.pointer(),
        })?;
        if found != measure {
            return Err(ResultsError::MixedMeasures {
                indicator: root.indicator.id.clone(),
                contributor: child.indicator.id.clone(),
                expected: measure,
                found,
                pointer: child.pointer(),
            });
        }
        let child_mode = effective_cumulation(found, child.indicator.cumulation);
        if measure == Measure::Unit && child_mode != mode {
            return Err(ResultsError::MixedCumulation {
                indicator: root.indicator.id.clone(),
                contributor: child.indicator.id.clone(),
                expected: mode,
                found: child_mode,
                pointer: child.pointer(),
            });
        }
        let via: Vec<&'a str> = stack[1..].iter().map(|(e, _)| e.indicator.id.as_str()).collect();
        if !child.indicator.contributors.is_empty() {
            if has_own_values(child.indicator, true) {
                diagnostics.push(own_values_note(&child, &root.indicator.id));
                out.push(own(child, via));
            }
            stack.push((child, 0));
            continue;
        }
        out.push((
            child,
            Contributor { indicator: &child.indicator.id, project: child.project, via, own_values: false },
        ));
    }
    dedupe(&mut out, root, diagnostics);
    Ok(out)
}

/// Keeps the first occurrence of each leaf (by identity, without hashing), reporting
/// the others.
fn dedupe<'a>(out: &mut Vec<(Entry<'a>, Contributor<'a>)>, root: Entry<'a>, diagnostics: &mut Vec<Diagnostic>) {
    let mut by_address: Vec<(usize, usize)> =
        out.iter().enumerate().map(|(i, (e, _))| (std::ptr::from_ref(e.indicator) as usize, i)).collect();
    crate::sort::sort_unstable(&mut by_address);
    let mut drop = vec![false; out.len()];
    for w in by_address.windows(2) {
        if w[0].0 == w[1].0 {
            drop[w[1].1] = true;
        }
    }
    if !drop.contains(&true) {
        return;
    }
    let mut i = 0;
    out.retain(|(e, _)| {
        let keep = !drop[i];
        i += 1;
        if !keep {
            diagnostics.push(Diagnostic::warning(
                "duplicate-contributor",
                e.pointer(),
                format!(
                    "contributor {:?} is reached more than once in the roll-up of {:?}; it is counted once",
                    e.indicator.id, root.indicator.id
                ),
            ));
        }
        keep
    });
}

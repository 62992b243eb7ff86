//! The activity hierarchy of the IATI importer: `related-activity` parent (type 1) and
//! child (type 2) links, and cycle detection (a cycle is an error, never a hang).
//!
//! A streamed import ([`super::for_each_activity`]) hands each project out as soon as it
//! is read, so it links what it can as it goes ([`StreamLinks`]): a parent's type-2 link
//! reaches a child that comes *after* it in the file, not one already handed out (that
//! is counted and reported), and cycles are not looked for (a note says so).

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::activity::{Activity, Importer};
use super::reader::{attributes, Elem};
use super::report::{Count, ReportBuilder};
use super::ImportError;
use crate::model::{Diagnostic, Project, Severity};

/// The hierarchy of a streamed import, linked as the activities go by.
///
/// Memory: one entry per pending type-2 link (until its child comes), and one 64-bit
/// hash per project handed out without a parent (to recognise a later link to it: a
/// hash collision could only make the count of such links off by one).
#[derive(Debug, Default)]
pub(crate) struct StreamLinks {
    /// child id → parent id: type-2 links whose child has not come yet (first link wins).
    pending: HashMap<String, String>,
    /// Hashes of the ids of projects handed out without a parent.
    orphans: HashSet<u64>,
    /// Type-2 links naming a project already handed out without a parent.
    not_applied: u64,
    /// The first such link: (parent, child).
    first_not_applied: Option<(String, String)>,
    /// Projects handed out with a parent.
    with_parent: u64,
}

/// A fixed (unkeyed) hash of an id: the same in every run.
fn id_hash(id: &str) -> u64 {
    #[allow(deprecated)]
    let mut h = std::hash::SipHasher::new();
    id.hash(&mut h);
    h.finish()
}

impl StreamLinks {
    /// A project is kept: give it the parent a earlier type-2 link named (when it has
    /// none of its own), and record its own type-2 `children`.
    pub(crate) fn kept(&mut self, project: &mut Project, children: Vec<String>) {
        if let Some(parent) = self.pending.remove(&project.id) {
            if project.parent.is_none() {
                project.parent = Some(parent);
            }
        }
        for child in children {
            if child == project.id {
                continue;
            }
            if self.orphans.remove(&id_hash(&child)) {
                self.not_applied += 1;
                if self.first_not_applied.is_none() {
                    self.first_not_applied = Some((project.id.clone(), child));
                }
            } else {
                self.pending.entry(child).or_insert_with(|| project.id.clone());
            }
        }
        match project.parent {
            Some(_) => self.with_parent += 1,
            None => {
                self.orphans.insert(id_hash(&project.id));
            }
        }
    }

    /// Reports what the stream could not do: a warning with the count of type-2 links
    /// not applied, and a note that cycles were not looked for.
    pub(crate) fn finish(self, report: &mut ReportBuilder, path: &str) {
        if let Some((parent, child)) = self.first_not_applied {
            report.report.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "iati-stream-link-not-applied",
                path.to_owned(),
                format!(
                    "{} related-activity type-2 (child) link(s) name an activity that came earlier in the file and was already handed out without a parent (the first: {parent} → {child}); a streamed import does not apply them, a whole-file import does",
                    self.not_applied
                ),
            ));
        }
        if self.with_parent > 0 {
            report.report.diagnostics.push(Diagnostic::new(
                Severity::Info,
                "iati-stream-cycles-not-checked",
                path.to_owned(),
                format!(
                    "{} project(s) have a parent; a streamed import does not check the hierarchy for cycles (a whole-file import or `kartan validate` does)",
                    self.with_parent
                ),
            ));
        }
    }
}

impl Importer<'_, '_> {
    pub(crate) fn related_activity(
        &mut self,
        elem: &Elem<'_>,
        act: &mut Activity,
        project: &mut Project,
    ) -> Result<(), ImportError> {
        self.cur.report.count(Count::RelatedActivity);
        let (mut id, mut kind) = (String::new(), String::new());
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match name {
                b"ref" => id = value.trim().to_owned(),
                b"type" => kind = value.trim().to_owned(),
                _ => self.cur.attribute_unmodelled("iati-activity/related-activity", elem, name),
            }
        }
        match kind.as_str() {
            "1" if project.parent.is_none() && !id.is_empty() => project.parent = Some(id),
            "1" => {
                let d = self.cur.warning(
                    elem.offset,
                    "iati-second-parent",
                    format!(
                        "related-activity type 1 (parent) {id:?} not used as the parent: the activity already has parent {:?}; carried as it is",
                        project.parent.as_deref().unwrap_or("")
                    ),
                );
                act.notes.push(d);
                let fragment = self.cur.carry("iati-activity", elem, b"related-activity[@type=1]", &act.scope)?;
                act.carry(&mut project.carried, fragment);
                return Ok(());
            }
            "2" if !id.is_empty() => {
                project.children.push(id.clone());
                act.children.push(id);
            }
            _ => {
                let label = format!("related-activity[@type={kind}]");
                let fragment = self.cur.carry("iati-activity", elem, label.as_bytes(), &act.scope)?;
                act.carry(&mut project.carried, fragment);
                return Ok(());
            }
        }
        self.cur.skip_content("iati-activity/related-activity", elem)
    }

    /// `related-activity` type 2: a child with no parent of its own gets this one.
    pub(crate) fn link_children(&mut self) {
        if self.st.children.is_empty() {
            return;
        }
        let index: HashMap<String, usize> =
            self.st.projects.iter().enumerate().rev().map(|(i, p)| (p.id.clone(), i)).collect();
        for (parent, child) in std::mem::take(&mut self.st.children) {
            if let Some(&i) = index.get(&child) {
                if self.st.projects[i].parent.is_none() && self.st.projects[i].id != parent {
                    self.st.projects[i].parent = Some(parent);
                }
            }
        }
    }

    /// Finds parent cycles; each is an error, broken by dropping the parent link of the
    /// project that closes it (lenient) or failing (strict). Linear time, never a hang.
    pub(crate) fn break_cycles(&mut self) -> Result<(), ImportError> {
        let index: HashMap<&str, usize> =
            self.st.projects.iter().enumerate().rev().map(|(i, p)| (p.id.as_str(), i)).collect();
        let parents: Vec<Option<usize>> =
            self.st.projects.iter().map(|p| p.parent.as_deref().and_then(|id| index.get(id).copied())).collect();
        drop(index);
        // 0 = unseen, 1 = on the current path, 2 = done.
        let mut state = vec![0u8; self.st.projects.len()];
        let mut cut = Vec::new();
        for startp in 0..self.st.projects.len() {
            let mut path = Vec::new();
            let mut node = Some(startp);
            while let Some(n) = node {
                match state[n] {
                    2 => break,
                    1 => {
                        let from = path.iter().position(|&p| p == n).unwrap_or(0);
                        let ids: Vec<&str> =
                            path[from..].iter().map(|&i: &usize| self.st.projects[i].id.as_str()).collect();
                        cut.push((path.last().copied().unwrap_or(n), ids.join(" → ")));
                        break;
                    }
                    _ => {
                        state[n] = 1;
                        path.push(n);
                        node = parents[n];
                    }
                }
            }
            for p in path {
                state[p] = 2;
            }
        }
        for (i, chain) in cut {
            let id = self.st.projects[i].id.clone();
            let d = Diagnostic::error(
                "hierarchy-cycle",
                self.source_path(),
                format!(
                    "related-activity parents form a cycle: {chain} → {}; the parent link of {id} is dropped",
                    chain.split(" → ").next().unwrap_or("")
                ),
            );
            if self.options.strict {
                return Err(ImportError::Invalid { diagnostic: d });
            }
            self.st.projects[i].parent = None;
            self.cur.report.report.diagnostics.push(d);
        }
        Ok(())
    }
}

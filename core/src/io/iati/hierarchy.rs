//! The activity hierarchy of the IATI importer: `related-activity` parent (type 1) and
//! child (type 2) links, and cycle detection (a cycle is an error, never a hang).

use std::collections::HashMap;

use super::activity::{Activity, Importer};
use super::reader::{attributes, Elem};
use super::report::Count;
use super::ImportError;
use crate::model::{Diagnostic, Project};

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
                        "related-activity type 1 (parent) {id:?} ignored: the activity already has parent {:?}",
                        project.parent.as_deref().unwrap_or("")
                    ),
                );
                act.notes.push(d);
            }
            "2" if !id.is_empty() => act.children.push(id),
            _ => {
                let label = format!("related-activity[@type={kind}]");
                return self.cur.skip_variant("iati-activity", elem, &label);
            }
        }
        self.cur.skip(elem)
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

//! Resolution: one id per person and per agency across every release of a corpus.
//!
//! The entities stage gives each release's entities an id from their own name, so the
//! same person written "Wm. Quarry Fenn" in one release and "William Quarry Fenn" in
//! another, or only "Fenn" in a release of his own office, has several ids. This stage runs once
//! the releases are processed, over compact [`Record`]s (one per entity id and issuing
//! office, whatever the number of releases), and maps every record to a resolved id:
//!
//! - **people** with two or more names are merged when their names are variants of each
//!   other ([`names::PersonName::compatible`]: initials, middle names, short forms such as
//!   Wm./William and Bob/Robert, nicknames in quotes; suffixes must agree) and exactly one
//!   person fits; when several do, the one of the same issuing office or state is taken,
//!   and if that does not decide, none. Known states that never meet keep names apart.
//! - a **surname alone** in a release is the person with that surname whom the release's
//!   issuer names ("Office of Congresswoman Grace Doe"), else the one person with that
//!   surname in the same issuer's releases; otherwise it stays on its own.
//! - **agencies** whose names have the same significant words ("Department of Justice",
//!   "Justice Department", "U.S. Department of Justice") are one; an acronym ("DOJ") is
//!   the one agency with that acronym or those initials.
//!
//! Person names are cleaned first with the corpus's vocabulary ([`clean`]). A resolved
//! group keeps the id of its fullest name ([`fullness`]), so entities that merge with nothing keep the id the entities stage gave
//! them. Everything here is a pure function of the records; their order does not matter.

pub mod agencies;
pub mod clean;
pub mod names;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::entities::{EntityId, EntityType};
use crate::lexicon::states::StateCode;
use names::PersonName;

/// What the corpus says about one entity id under one issuing office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The entity's type.
    pub kind: EntityType,
    /// The id the entities stage gave it.
    pub local_id: EntityId,
    /// The issuer of the releases that name it (`None` when they print none).
    pub issuer: Option<String>,
    /// The names written under this id, with how many entity rows used each.
    pub names: BTreeMap<String, u32>,
    /// States given for it.
    pub states: BTreeSet<StateCode>,
    /// Acronyms given for it (agencies).
    pub acronyms: BTreeSet<String>,
}

impl Record {
    /// A record for one entity id under one issuer, with no rows yet.
    pub fn new(kind: EntityType, local_id: EntityId, issuer: Option<&str>) -> Record {
        Record {
            kind,
            local_id,
            issuer: issuer.map(str::to_string),
            names: BTreeMap::new(),
            states: BTreeSet::new(),
            acronyms: BTreeSet::new(),
        }
    }

    /// Adds one entity row's fields.
    pub fn add(&mut self, name: &str, state: Option<StateCode>, acronym: Option<&str>) {
        *self.names.entry(name.to_string()).or_default() += 1;
        self.states.extend(state);
        self.acronyms.extend(acronym.map(str::to_string));
    }

    /// Rows counted in the record.
    fn rows(&self) -> u32 {
        self.names.values().sum()
    }
}

/// The records of one entity id, all issuers together.
struct Node {
    kind: EntityType,
    local_id: EntityId,
    /// The fullest name written under the id.
    name: String,
    rows: u32,
    issuers: BTreeSet<Option<String>>,
    states: BTreeSet<StateCode>,
    acronyms: BTreeSet<String>,
}

/// How full a name is: a name written in two or more rows before one written once
/// (a name glued to a headline word is rarely written twice), then more words, more
/// rows, longer, and the smaller text (so the choice never depends on input order).
pub fn fullness(name: &str, rows: u32) -> (bool, usize, u32, usize, std::cmp::Reverse<&str>) {
    (
        rows >= 2,
        name.split_whitespace().count(),
        rows,
        name.len(),
        std::cmp::Reverse(name),
    )
}

/// A small union-find over node indices; the root of a set is its fullest node.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins `i` into the group of `root` (which stays the root).
    fn join(&mut self, i: usize, root: usize) {
        let (a, b) = (self.root(i), self.root(root));
        if a != b {
            self.parent[a] = b;
        }
    }
}

/// Resolves every record to an id: the result has one id per record, in order.
pub fn resolve(records: &[Record]) -> Vec<EntityId> {
    // One node per (type, id), in a fixed order.
    let mut index: BTreeMap<(EntityType, &EntityId), usize> = BTreeMap::new();
    for r in records {
        let next = index.len();
        index.entry((r.kind, &r.local_id)).or_insert(next);
    }
    let mut nodes: Vec<Option<Node>> = (0..index.len()).map(|_| None).collect();
    let mut name_rows: Vec<BTreeMap<&str, u32>> = vec![BTreeMap::new(); index.len()];
    for r in records {
        let i = index[&(r.kind, &r.local_id)];
        let node = nodes[i].get_or_insert_with(|| Node {
            kind: r.kind,
            local_id: r.local_id.clone(),
            name: String::new(),
            rows: 0,
            issuers: BTreeSet::new(),
            states: BTreeSet::new(),
            acronyms: BTreeSet::new(),
        });
        node.rows += r.rows();
        node.issuers.insert(r.issuer.clone());
        node.states.extend(r.states.iter().copied());
        node.acronyms.extend(r.acronyms.iter().cloned());
        for (name, n) in &r.names {
            *name_rows[i].entry(name.as_str()).or_default() += n;
        }
    }
    let mut nodes: Vec<Node> = nodes
        .into_iter()
        .map(|n| n.expect("every node has a record"))
        .collect();
    for (node, names) in nodes.iter_mut().zip(&name_rows) {
        node.name = names
            .iter()
            .max_by_key(|(name, rows)| fullness(name, **rows))
            .map(|(name, _)| name.to_string())
            .unwrap_or_default();
    }
    // Fullest nodes first: each group's root is its fullest name.
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(fullness(&nodes[i].name, nodes[i].rows)));
    let mut groups = Groups::new(nodes.len());
    resolve_people(&nodes, &order, &mut groups);
    resolve_agencies(&nodes, &order, &mut groups);
    let surnames = resolve_surnames(records, &nodes, &index, &mut groups);
    records
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let node = surnames
                .get(&k)
                .copied()
                .unwrap_or_else(|| index[&(r.kind, &r.local_id)]);
            nodes[groups.root(node)].local_id.clone()
        })
        .collect()
}

/// Merges people with two or more names whose names are variants of one another.
fn resolve_people(nodes: &[Node], order: &[usize], groups: &mut Groups) {
    let parsed: Vec<Option<PersonName>> = nodes
        .iter()
        .map(|n| {
            (n.kind == EntityType::Person)
                .then(|| PersonName::parse(&n.name))
                .flatten()
                .filter(|p| !p.is_bare())
        })
        .collect();
    // Roots so far, by surname.
    let mut roots: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in order {
        let Some(name) = &parsed[i] else { continue };
        let candidates: Vec<usize> = roots
            .get(name.surname.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|&r| {
                parsed[r].as_ref().is_some_and(|p| p.compatible(name))
                    && !states_conflict(&nodes[r], &nodes[i])
            })
            .collect();
        match pick(&candidates, |r| shares_context(&nodes[r], &nodes[i])) {
            Some(r) => groups.join(i, r),
            None => roots.entry(name.surname.as_str()).or_default().push(i),
        }
    }
}

/// The one candidate, or the one candidate that shares the context; `None` otherwise.
fn pick(candidates: &[usize], context: impl Fn(usize) -> bool) -> Option<usize> {
    match candidates {
        [one] => Some(*one),
        [] => None,
        many => {
            let fitting: Vec<usize> = many.iter().copied().filter(|&c| context(c)).collect();
            (fitting.len() == 1).then(|| fitting[0])
        }
    }
}

/// True when both nodes give states and no state is common to them.
fn states_conflict(a: &Node, b: &Node) -> bool {
    !a.states.is_empty() && !b.states.is_empty() && a.states.is_disjoint(&b.states)
}

/// True when two nodes share an issuing office or a state.
fn shares_context(a: &Node, b: &Node) -> bool {
    a.issuers
        .iter()
        .any(|i| i.is_some() && b.issuers.contains(i))
        || !a.states.is_disjoint(&b.states)
}

/// Merges agencies written with the same significant words, and acronyms into the one
/// agency they stand for.
fn resolve_agencies(nodes: &[Node], order: &[usize], groups: &mut Groups) {
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut acronyms: Vec<usize> = Vec::new();
    for &i in order {
        let node = &nodes[i];
        if node.kind != EntityType::Agency {
            continue;
        }
        if agencies::as_acronym(&node.name).is_some() {
            acronyms.push(i);
            continue;
        }
        let key = agencies::key(&node.name);
        if key.is_empty() {
            continue;
        }
        match by_key.get(&key) {
            Some(&root) => groups.join(i, root),
            None => {
                by_key.insert(key, i);
            }
        }
    }
    let mut full: Vec<usize> = by_key.into_values().collect();
    full.sort_unstable();
    for i in acronyms {
        let acronym = nodes[i].name.trim();
        let given: Vec<usize> = full
            .iter()
            .copied()
            .filter(|&r| nodes[r].acronyms.contains(acronym))
            .collect();
        let target = match given.as_slice() {
            [] => {
                let spelled: Vec<usize> = full
                    .iter()
                    .copied()
                    .filter(|&r| {
                        agencies::initials(&nodes[r].name)
                            .iter()
                            .any(|a| a == acronym)
                    })
                    .collect();
                pick(&spelled, |r| shares_context(&nodes[r], &nodes[i]))
            }
            _ => pick(&given, |r| shares_context(&nodes[r], &nodes[i])),
        };
        if let Some(r) = target {
            groups.join(i, r);
        }
    }
}

/// Maps records of a surname alone to the person of their issuer with that surname.
/// Returns, per record index, the node it joins.
fn resolve_surnames(
    records: &[Record],
    nodes: &[Node],
    index: &BTreeMap<(EntityType, &EntityId), usize>,
    groups: &mut Groups,
) -> HashMap<usize, usize> {
    // Full-name groups by surname: root -> (name of the root, issuers of any member).
    let mut people: BTreeMap<String, BTreeMap<usize, BTreeSet<&Option<String>>>> = BTreeMap::new();
    let mut parsed: HashMap<usize, PersonName> = HashMap::new();
    for (i, node) in nodes.iter().enumerate() {
        if node.kind != EntityType::Person {
            continue;
        }
        let Some(name) = PersonName::parse(&node.name).filter(|p| !p.is_bare()) else {
            continue;
        };
        let root = groups.root(i);
        people
            .entry(name.surname.clone())
            .or_default()
            .entry(root)
            .or_default()
            .extend(node.issuers.iter());
        parsed.insert(i, name);
    }
    let mut joined = HashMap::new();
    for (k, r) in records.iter().enumerate() {
        if r.kind != EntityType::Person {
            continue;
        }
        let node = index[&(r.kind, &r.local_id)];
        let Some(name) = PersonName::parse(&nodes[node].name).filter(PersonName::is_bare) else {
            continue;
        };
        let Some(issuer) = r.issuer.as_deref() else {
            continue;
        };
        let Some(candidates) = people.get(&name.surname) else {
            continue;
        };
        // Members of a group whose name the issuer holds.
        let named: BTreeSet<usize> = parsed
            .iter()
            .filter(|(_, p)| p.surname == name.surname && p.named_in(issuer))
            .map(|(&i, _)| groups.root(i))
            .collect();
        let same_issuer: Vec<usize> = candidates
            .iter()
            .filter(|(_, issuers)| issuers.contains(&r.issuer))
            .map(|(&root, _)| root)
            .collect();
        let target = if named.len() == 1 {
            named.first().copied()
        } else {
            (same_issuer.len() == 1).then(|| same_issuer[0])
        };
        if let Some(t) = target {
            joined.insert(k, t);
        }
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityId;

    fn person(name: &str, issuer: &str, state: Option<&str>) -> Record {
        let mut r = Record::new(
            EntityType::Person,
            EntityId::of(EntityType::Person, name),
            Some(issuer),
        );
        r.add(name, state.and_then(StateCode::parse), None);
        r
    }

    fn agency(name: &str, acronym: Option<&str>) -> Record {
        let mut r = Record::new(
            EntityType::Agency,
            EntityId::of(EntityType::Agency, name),
            None,
        );
        r.add(name, None, acronym);
        r
    }

    /// Resolved ids of the records, as groups of record indices.
    fn groups_of(records: &[Record]) -> Vec<Vec<usize>> {
        let ids = resolve(records);
        let mut by_id: BTreeMap<&EntityId, Vec<usize>> = BTreeMap::new();
        for (k, id) in ids.iter().enumerate() {
            by_id.entry(id).or_default().push(k);
        }
        let mut groups: Vec<Vec<usize>> = by_id.into_values().collect();
        groups.sort();
        groups
    }

    const FENN: &str = "Office of Congressman William Quarry Fenn";
    const DALE: &str = "Office of Congresswoman Grace Dale";

    #[test]
    fn name_variants_across_releases_are_one_person() {
        let records = [
            person("Wm. Quarry Fenn", FENN, Some("MO")),
            person("Quarry Fenn", FENN, None),
            person("William Quarry Fenn", "Office of the Mayor", Some("MO")),
            person("Fenn", FENN, None),
            person("William Q. Fenn, Sr.", FENN, Some("MO")),
        ];
        assert_eq!(groups_of(&records), vec![vec![0, 1, 2, 3], vec![4]]);
        // The group keeps the id of its fullest name.
        let ids = resolve(&records);
        assert_eq!(ids[0], records[2].local_id);
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        let records = [
            person("Grace F. Dale", DALE, Some("CA")),
            person("Grace Dale", DALE, None),
            person("Janet Dale", DALE, None),
            person("Dale", DALE, None),
            person("Dale", "Office of the Governor", None),
            person("Janet Dale", "Office of the Governor", Some("AZ")),
        ];
        // The surname alone goes to the member the issuer names, and in the governor's
        // releases to the one Dale that office writes about.
        assert_eq!(groups_of(&records), vec![vec![0, 1, 3], vec![2, 4, 5]]);
    }

    #[test]
    fn ambiguous_names_merge_with_nobody() {
        let records = [
            person("Ann B. Lusk", "Office A", None),
            person("Ann C. Lusk", "Office B", None),
            person("A. Lusk", "Office C", None),
            person("Lusk", "Office C", None),
        ];
        assert_eq!(groups_of(&records), vec![vec![0], vec![1], vec![2, 3]]);
        // Shared context decides between two fitting people.
        let records = [
            person("Ann B. Lusk", "Office A", None),
            person("Ann C. Lusk", "Office B", None),
            person("Ann Lusk", "Office B", None),
        ];
        assert_eq!(groups_of(&records), vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn states_that_never_meet_keep_namesakes_apart() {
        let records = [
            person("Tom R. Vance", "Office A", Some("OR")),
            person("Tom Vance", "Office B", Some("ME")),
        ];
        assert_eq!(groups_of(&records), vec![vec![0], vec![1]]);
    }

    #[test]
    fn agency_forms_and_acronyms() {
        let records = [
            agency("Department of Ferries", Some("DOF")),
            agency("Ferries Department", None),
            agency("U.S. Department of Ferries", None),
            agency("DOF", None),
            agency("Department of Canals", None),
            agency("DOC", None),
            agency("QZX", None),
        ];
        assert_eq!(
            groups_of(&records),
            vec![vec![0, 1, 2, 3], vec![4, 5], vec![6]]
        );
    }

    #[test]
    fn input_order_does_not_matter() {
        let records = vec![
            person("Wm. Quarry Fenn", FENN, None),
            person("William Quarry Fenn", FENN, None),
            person("Fenn", FENN, None),
            agency("Ferries Department", None),
            agency("Department of Ferries", None),
        ];
        let ids = resolve(&records);
        let mut reversed = records.clone();
        reversed.reverse();
        let mut back = resolve(&reversed);
        back.reverse();
        assert_eq!(ids, back);
    }
}

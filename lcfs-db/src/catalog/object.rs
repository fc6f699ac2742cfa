//! The kinds of catalog object and the catalog itself: a sorted map from (kind, name) to the
//! object's attributes, so that two catalogs compare and print in one stable order.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

/// What a catalog object is. The order is the order of reports and of the snapshot file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A schema other than PostgreSQL's own.
    Schema,
    /// An installed extension and the schema it lives in.
    Extension,
    /// A role that holds a privilege on a compared object.
    Role,
    /// An enum type and its labels in order.
    Enum,
    /// A table (attributes live on its columns, constraints, indexes and triggers).
    Table,
    /// A column of a table, view or materialized view: `relation.column`.
    Column,
    /// A primary-key, unique, foreign-key, check or exclusion constraint: `table.name`.
    Constraint,
    /// An index of a table or materialized view, by its own name.
    Index,
    /// A sequence: type, bounds, increment and owning column.
    Sequence,
    /// A function or procedure: `name(identity arguments)`, with a hash of its body.
    Function,
    /// A trigger: `table.name`, with its timing, events, function and condition.
    Trigger,
    /// A view, with its definition as the server prints it.
    View,
    /// A materialized view, with its definition as the server prints it.
    MaterializedView,
    /// The comment on an object: `column organization.name`, `table organization`, ….
    Comment,
    /// The privileges one grantee holds on one object beyond the owner's defaults.
    Grant,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 15] = [
        Kind::Schema,
        Kind::Extension,
        Kind::Role,
        Kind::Enum,
        Kind::Table,
        Kind::Column,
        Kind::Constraint,
        Kind::Index,
        Kind::Sequence,
        Kind::Function,
        Kind::Trigger,
        Kind::View,
        Kind::MaterializedView,
        Kind::Comment,
        Kind::Grant,
    ];

    /// The kind as the snapshot file and the reports spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Schema => "schema",
            Kind::Extension => "extension",
            Kind::Role => "role",
            Kind::Enum => "enum",
            Kind::Table => "table",
            Kind::Column => "column",
            Kind::Constraint => "constraint",
            Kind::Index => "index",
            Kind::Sequence => "sequence",
            Kind::Function => "function",
            Kind::Trigger => "trigger",
            Kind::View => "view",
            Kind::MaterializedView => "materialized view",
            Kind::Comment => "comment",
            Kind::Grant => "grant",
        }
    }

    /// The kind spelled `text`, as [`Kind::as_str`] writes it.
    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The attributes of one object, by name.
pub type Attributes = BTreeMap<String, Value>;

/// A set of catalog objects, sorted by kind, then name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    objects: BTreeMap<(Kind, String), Attributes>,
}

impl Catalog {
    /// Adds or replaces one object.
    pub fn insert(&mut self, kind: Kind, name: impl Into<String>, attributes: Attributes) {
        self.objects.insert((kind, name.into()), attributes);
    }

    /// The attributes of one object, when the catalog holds it.
    pub fn get(&self, kind: Kind, name: &str) -> Option<&Attributes> {
        self.objects.get(&(kind, name.to_owned()))
    }

    /// The attributes of one object, to change them.
    pub(crate) fn get_mut(&mut self, kind: Kind, name: &str) -> Option<&mut Attributes> {
        self.objects.get_mut(&(kind, name.to_owned()))
    }

    /// Removes one object, returning its attributes.
    pub fn remove(&mut self, kind: Kind, name: &str) -> Option<Attributes> {
        self.objects.remove(&(kind, name.to_owned()))
    }

    /// Every object in order: kind, name, attributes.
    pub fn iter(&self) -> impl Iterator<Item = (Kind, &str, &Attributes)> {
        self.objects
            .iter()
            .map(|((kind, name), attributes)| (*kind, name.as_str(), attributes))
    }

    /// The objects of one kind, in name order.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = (&str, &Attributes)> {
        self.iter()
            .filter(move |(k, _, _)| *k == kind)
            .map(|(_, name, attributes)| (name, attributes))
    }

    /// Keeps only the objects `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(Kind, &str, &Attributes) -> bool) {
        self.objects
            .retain(|(kind, name), attributes| keep(*kind, name, attributes));
    }

    /// How many objects the catalog holds.
    pub fn len(&self) -> usize {
        self.objects.len()
    }

    /// Whether the catalog holds no object.
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }
}

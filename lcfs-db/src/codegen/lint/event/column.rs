//! A column being added: whether it is required, whether filling it rewrites the table, and the
//! constraints written on it.

use std::ops::ControlFlow;

use sqlparser::ast::{ColumnDef, ColumnOption, DataType, Expr, GeneratedAs, visit_expressions};

use super::super::super::sql_name::ident_name;
use super::{ConstraintKind, Named};

/// Functions PostgreSQL marks volatile, or that users commonly use as defaults and are: a
/// default calling one is evaluated for every existing row, which rewrites the table.
const VOLATILE: &[&str] = &[
    "random",
    "gen_random_uuid",
    "uuid_generate_v1",
    "uuid_generate_v1mc",
    "uuid_generate_v4",
    "uuidv4",
    "uuidv7",
    "clock_timestamp",
    "timeofday",
    "nextval",
    "txid_current",
    "setseed",
];

/// Stable and immutable functions usual in defaults: evaluated once, stored in the catalog.
const NOT_VOLATILE: &[&str] = &[
    "now",
    "current_timestamp",
    "current_date",
    "current_time",
    "localtime",
    "localtimestamp",
    "transaction_timestamp",
    "statement_timestamp",
    "current_user",
    "session_user",
    "user",
    "current_schema",
    "current_setting",
    "lower",
    "upper",
    "trim",
    "coalesce",
    "nullif",
    "greatest",
    "least",
    "make_date",
    "make_interval",
    "to_jsonb",
    "jsonb_build_object",
    "jsonb_build_array",
    "json_build_object",
    "array_fill",
];

/// A column of `ALTER TABLE … ADD COLUMN`.
#[derive(Debug, Clone)]
pub struct NewColumn {
    pub name: Named,
    pub not_null: bool,
    pub has_default: bool,
    /// Why adding it rewrites the table, when it does.
    pub rewrite: Option<String>,
    /// Constraints written on the column, which PostgreSQL checks against every existing row.
    pub constraints: Vec<ConstraintKind>,
}

pub fn new_column(def: &ColumnDef) -> NewColumn {
    let serial = matches!(&def.data_type, DataType::Custom(name, _)
    if name.0.last().and_then(|part| part.as_ident()).is_some_and(|ident| {
        let name = ident_name(ident);
        matches!(name.as_str(), "serial" | "bigserial" | "smallserial" | "serial2" | "serial4" | "serial8")
    }));
    let mut column = NewColumn {
        name: (ident_name(&def.name), def.name.span),
        not_null: serial,
        has_default: serial,
        rewrite: serial
            .then(|| "a serial column draws `nextval()` for every existing row".to_owned()),
        constraints: Vec::new(),
    };
    for option in &def.options {
        match &option.option {
            ColumnOption::NotNull => column.not_null = true,
            ColumnOption::Default(expr) => {
                column.has_default = true;
                column.rewrite = column.rewrite.or_else(|| volatile(expr));
            }
            ColumnOption::Generated {
                generated_as,
                generation_expr,
                ..
            } => {
                column.has_default = true;
                let what = match (generated_as, generation_expr) {
                    (GeneratedAs::ExpStored, _) | (_, Some(_)) => "a stored generated column",
                    _ => "an identity column",
                };
                column.not_null |= what == "an identity column";
                column.rewrite = column
                    .rewrite
                    .or_else(|| Some(format!("{what} computes a value for every existing row")));
            }
            ColumnOption::ForeignKey(_) => column.constraints.push(ConstraintKind::ForeignKey),
            ColumnOption::Check(_) => column.constraints.push(ConstraintKind::Check),
            ColumnOption::Unique(_) | ColumnOption::PrimaryKey(_) => {
                column.constraints.push(ConstraintKind::Key)
            }
            _ => {}
        }
    }
    column
}

/// Why `expr` is (or may be) volatile: the first function it calls that is not known stable.
fn volatile(expr: &Expr) -> Option<String> {
    let mut found = None;
    let _ = visit_expressions(expr, |expr| {
        if let Expr::Function(function) = expr {
            let name = function
                .name
                .0
                .last()
                .and_then(|p| p.as_ident())
                .map(ident_name);
            let name = name.unwrap_or_default();
            if VOLATILE.contains(&name.as_str()) {
                found = Some(format!("the default calls `{name}()`, which is volatile"));
                return ControlFlow::Break(());
            }
            if !NOT_VOLATILE.contains(&name.as_str()) {
                found = Some(format!(
                    "the default calls `{name}()`, which may be volatile (a function is, unless \
                     declared otherwise)"
                ));
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    });
    found
}

//! Check constraints: the expression as written and the columns it reads.

use std::ops::ControlFlow;

use sqlparser::ast::{CheckConstraint, Expr, visit_expressions};

use super::super::super::model::{Check, ConstraintName, Table};
use super::super::super::sql_name::ident_name;
use super::super::{Ctx, written};

/// The check, named by `name` given the column it reads when it reads exactly one: PostgreSQL
/// names `CHECK (balance >= 0)` on `organization` `organization_balance_check`.
pub fn check(
    ctx: &Ctx,
    table: &Table,
    check: &CheckConstraint,
    name: impl Fn(Option<&str>) -> ConstraintName,
) -> Check {
    let mut read: Vec<String> = Vec::new();
    let _ = visit_expressions(&check.expr, |expr| {
        let ident = match expr {
            Expr::Identifier(ident) => Some(ident),
            Expr::CompoundIdentifier(parts) => parts.last(),
            _ => None,
        };
        let column = ident
            .map(ident_name)
            .filter(|c| table.column(c).is_some() && !read.contains(c));
        read.extend(column);
        ControlFlow::<()>::Continue(())
    });
    let only = match read.as_slice() {
        [only] => Some(only.as_str()),
        _ => None,
    };
    Check {
        name: name(only),
        expression: written::check(ctx.statement.text, &check.expr),
        columns: read,
        valid: true,
    }
}

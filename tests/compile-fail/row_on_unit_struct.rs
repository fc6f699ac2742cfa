use lcfs_db::Row;

#[derive(Row)]
struct Nothing;

fn main() {}

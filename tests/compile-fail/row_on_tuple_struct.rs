use lcfs_db::Row;

#[derive(Row)]
struct Pair(i32, String);

fn main() {}

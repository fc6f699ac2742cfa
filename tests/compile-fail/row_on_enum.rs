use lcfs_db::Row;

#[derive(Row)]
enum Status {
    Active,
}

fn main() {}

use lcfs_db::Row;

#[derive(Row)]
#[row(table = organization)]
struct Organization {
    name: String,
}

fn main() {}

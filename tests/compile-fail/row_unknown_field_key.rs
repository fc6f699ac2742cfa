use lcfs_db::Row;

#[derive(Row)]
#[row(table = "organization")]
struct Organization {
    #[row(skip)]
    name: String,
}

fn main() {}

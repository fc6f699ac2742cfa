use lcfs_db::Row;

#[derive(Row)]
#[row(tabel = "organization")]
struct Organization {
    name: String,
}

fn main() {}

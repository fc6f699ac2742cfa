use lcfs_db::Row;

#[derive(Row)]
struct Organization {
    #[row(rename = "")]
    name: String,
}

fn main() {}

use lcfs_db::Row;

#[derive(Row)]
struct Organization {
    name: String,
    #[row(rename = "name")]
    display_name: String,
}

fn main() {}

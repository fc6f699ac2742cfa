use lcfs_db::PgEnum;

#[derive(Debug, Clone, Copy, PgEnum)]
#[pg_enum(type = "role_enum")]
enum Role {
    #[pg_enum(label = "A LABEL THAT IS FAR LONGER THAN THE SIXTY-THREE BYTES POSTGRES ALLOWS")]
    Government,
}

fn main() {}

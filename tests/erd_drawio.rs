//! The draw.io file is valid mxfile XML with a page per domain and every table on it.

use lcfs_db::erd::{Format, pages, render};
use lcfs_db::schema::schema;

#[test]
fn drawio_is_an_mxfile_with_a_page_per_domain_and_every_table() {
    let xml = render(schema(), Format::Drawio, None);
    let document = roxmltree::Document::parse(&xml).expect("valid XML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "mxfile");
    let diagrams: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("diagram"))
        .collect();
    let expected = pages(schema());
    let names: Vec<&str> = diagrams
        .iter()
        .map(|d| d.attribute("name").unwrap())
        .collect();
    let titles: Vec<&str> = expected.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(names, titles);

    for (diagram, page) in diagrams.iter().zip(&expected) {
        let cells: Vec<_> = diagram
            .descendants()
            .filter(|n| n.has_tag_name("mxCell"))
            .collect();
        let ids: Vec<&str> = cells.iter().filter_map(|c| c.attribute("id")).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            ids.len(),
            "duplicate cell ids on {}",
            page.title
        );
        for table in page.tables.iter().chain(&page.external) {
            assert!(
                cells.iter().any(|c| c.attribute("vertex") == Some("1")
                    && c.attribute("parent") == Some("1")
                    && c.attribute("value") == Some(table.name)),
                "{} missing on {}",
                table.name,
                page.title
            );
        }
        for edge in cells.iter().filter(|c| c.attribute("edge") == Some("1")) {
            for end in ["source", "target"] {
                let id = edge.attribute(end).unwrap();
                assert!(ids.contains(&id), "edge end {id} on {}", page.title);
            }
            assert!(edge.attribute("style").unwrap().contains("endArrow=ER"));
        }
        let edges = cells
            .iter()
            .filter(|c| c.attribute("edge") == Some("1"))
            .count();
        assert_eq!(
            edges,
            page.tables
                .iter()
                .map(|t| t.foreign_keys.len())
                .sum::<usize>()
        );
    }
    let table_boxes: usize = diagrams
        .iter()
        .flat_map(|d| d.descendants())
        .filter(|n| {
            n.attribute("style")
                .is_some_and(|s| s.starts_with("swimlane"))
        })
        .count();
    assert_eq!(table_boxes, schema().tables.len());
}

#[test]
fn drawio_boxes_on_a_page_do_not_overlap() {
    let xml = render(schema(), Format::Drawio, None);
    let document = roxmltree::Document::parse(&xml).unwrap();
    for diagram in document.descendants().filter(|n| n.has_tag_name("diagram")) {
        let boxes: Vec<[f64; 4]> = diagram
            .descendants()
            .filter(|n| n.has_tag_name("mxCell") && n.attribute("parent") == Some("1"))
            .filter(|n| n.attribute("vertex") == Some("1"))
            .map(|n| {
                let g = n.children().find(|c| c.has_tag_name("mxGeometry")).unwrap();
                let get = |a: &str| g.attribute(a).unwrap().parse::<f64>().unwrap();
                [get("x"), get("y"), get("width"), get("height")]
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = a[0] + a[2] <= b[0]
                    || b[0] + b[2] <= a[0]
                    || a[1] + a[3] <= b[1]
                    || b[1] + b[3] <= a[1];
                assert!(
                    apart,
                    "{a:?} overlaps {b:?} on {:?}",
                    diagram.attribute("name")
                );
            }
        }
    }
}

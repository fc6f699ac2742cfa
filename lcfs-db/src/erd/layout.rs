//! A grid layout for boxes of different sizes that never overlap.

/// Space between boxes, in draw.io units.
const GAP: u32 = 60;

/// A box's size and the position the grid gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Placed {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// Places boxes of `(width, height)` row by row on a near-square grid. Each grid column is as
/// wide as its widest box and each grid row as tall as its tallest, so boxes cannot overlap.
pub(super) fn grid(sizes: &[(u32, u32)]) -> Vec<Placed> {
    if sizes.is_empty() {
        return Vec::new();
    }
    let columns = (sizes.len() as f64).sqrt().ceil() as usize;
    let mut column_widths = vec![0; columns];
    let mut row_heights = vec![0; sizes.len().div_ceil(columns)];
    for (i, &(width, height)) in sizes.iter().enumerate() {
        column_widths[i % columns] = column_widths[i % columns].max(width);
        row_heights[i / columns] = row_heights[i / columns].max(height);
    }
    let offsets = |lengths: &[u32]| -> Vec<u32> {
        lengths
            .iter()
            .scan(GAP, |next, length| {
                let here = *next;
                *next += length + GAP;
                Some(here)
            })
            .collect()
    };
    let xs = offsets(&column_widths);
    let ys = offsets(&row_heights);
    sizes
        .iter()
        .enumerate()
        .map(|(i, &(width, height))| Placed {
            x: xs[i % columns],
            y: ys[i / columns],
            width,
            height,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlap(a: &Placed, b: &Placed) -> bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    #[test]
    fn boxes_of_mixed_sizes_do_not_overlap() {
        let sizes: Vec<(u32, u32)> = (0..23)
            .map(|i| (120 + (i * 37) % 200, 40 + (i * 91) % 400))
            .collect();
        let placed = grid(&sizes);
        assert_eq!(placed.len(), sizes.len());
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!overlap(a, b), "{a:?} overlaps {b:?}");
            }
        }
    }
}

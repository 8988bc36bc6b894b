//! Lists split into pages of [`PER_PAGE`] items: `/lijst/`, `/lijst/pagina/2/`, … with a
//! pager below the list and `rel="prev"`/`rel="next"` links in the head. Any long list of a
//! site can use it: its job renders page `number` of [`count`] pages with the items of
//! [`items`] and the `pager` value of [`Pager::of`].

use std::ops::Range;

use serde::Serialize;

use crate::routes;

/// How many items a page of a list shows: enough to scan, few enough to load fast on a phone.
pub const PER_PAGE: usize = 50;

/// How many page numbers the pager shows on either side of the current one.
const AROUND: usize = 2;

/// How many pages a list of `total` items takes: at least one, which says there is nothing.
pub fn count(total: usize) -> usize {
    total.div_ceil(PER_PAGE).max(1)
}

/// Which of the list's items page `number` (from 1) shows.
pub fn items(total: usize, number: usize) -> Range<usize> {
    let start = (number.saturating_sub(1) * PER_PAGE).min(total);
    start..(start + PER_PAGE).min(total)
}

/// `pager` on a page of a list that has more than one: where the reader is and where to go.
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    /// This page's number, from 1.
    pub pagina: usize,
    /// How many pages the list has.
    pub paginas: usize,
    /// The previous page's `href`; null on the first page.
    pub vorige: Option<String>,
    /// The next page's `href`; null on the last page.
    pub volgende: Option<String>,
    /// The page numbers to show: the first and the last, and those near this one; a null
    /// `url` (and `nummer`) marks a gap, shown as `…`.
    pub nummers: Vec<PageNumber>,
}

/// A page number in the pager.
#[derive(Debug, Clone, Serialize)]
pub struct PageNumber {
    /// The number; null for a gap.
    pub nummer: Option<usize>,
    /// Its page's `href`; null for a gap.
    pub url: Option<String>,
    /// Whether it is the page shown.
    pub huidig: bool,
}

impl Pager {
    /// The pager of page `number` of `pages` of the list at site path `list`, whose page
    /// paths `href` turns into links; `None` when the list fits on one page.
    pub fn of(
        list: &str,
        number: usize,
        pages: usize,
        href: impl Fn(&str) -> String,
    ) -> Option<Pager> {
        if pages <= 1 {
            return None;
        }
        let link = |n: usize| href(&routes::pagina(list, n));
        Some(Pager {
            pagina: number,
            paginas: pages,
            vorige: (number > 1).then(|| link(number - 1)),
            volgende: (number < pages).then(|| link(number + 1)),
            nummers: shown(number, pages)
                .into_iter()
                .map(|shown| PageNumber {
                    nummer: shown,
                    url: shown.map(link),
                    huidig: shown == Some(number),
                })
                .collect(),
        })
    }
}

/// The page numbers a pager shows for page `number` of `pages`, `None` for a gap: all of them
/// for a short list, else the first, the last and those near `number`.
fn shown(number: usize, pages: usize) -> Vec<Option<usize>> {
    let near = number.saturating_sub(AROUND).max(1)..=(number + AROUND).min(pages);
    let mut shown: Vec<Option<usize>> = Vec::new();
    for n in 1..=pages {
        if n == 1 || n == pages || near.contains(&n) {
            shown.push(Some(n));
        } else if shown.last().is_some_and(Option::is_some) {
            shown.push(None);
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_list_into_pages_of_fifty() {
        assert_eq!(count(0), 1);
        assert_eq!(count(50), 1);
        assert_eq!(count(51), 2);
        assert_eq!(count(120), 3);
        assert_eq!(items(120, 1), 0..50);
        assert_eq!(items(120, 2), 50..100);
        assert_eq!(items(120, 3), 100..120);
        assert_eq!(items(0, 1), 0..0);
    }

    #[test]
    fn shows_the_ends_and_the_pages_near_the_current_one() {
        let all: Vec<Option<usize>> = (1..=7).map(Some).collect();
        assert_eq!(shown(4, 7), all);
        assert_eq!(
            shown(10, 60),
            vec![
                Some(1),
                None,
                Some(8),
                Some(9),
                Some(10),
                Some(11),
                Some(12),
                None,
                Some(60)
            ]
        );
        assert_eq!(
            shown(1, 60),
            vec![Some(1), Some(2), Some(3), None, Some(60)]
        );
    }

    #[test]
    fn links_the_neighbours_of_a_page() {
        let href = |path: &str| format!("/basis{path}");
        assert!(Pager::of("/lijst/", 1, 1, href).is_none());
        let first = Pager::of("/lijst/", 1, 3, href).unwrap();
        assert_eq!(first.vorige, None);
        assert_eq!(first.volgende.as_deref(), Some("/basis/lijst/pagina/2/"));
        let second = Pager::of("/lijst/", 2, 3, href).unwrap();
        assert_eq!(second.vorige.as_deref(), Some("/basis/lijst/"));
        assert_eq!(second.volgende.as_deref(), Some("/basis/lijst/pagina/3/"));
        assert!(second.nummers[1].huidig);
        let last = Pager::of("/lijst/", 3, 3, href).unwrap();
        assert_eq!(last.volgende, None);
    }
}

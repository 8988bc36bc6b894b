//! Rendering every document's Markdown while the model is built, reusing what an earlier
//! build of the same session rendered (`gka serve`).
//!
//! A rendered body depends on the document's text, its site path (relative links) and what
//! internal links resolve against. When all three are as before, the earlier result, with the
//! problems it reported, is taken as it is; anything else renders again.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::document::{Digest, Document};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::links::LinkTargets;
use crate::markdown::{self, Rendered};
use crate::routes::SitePath;

use super::places::Placed;
use super::{Entry, InlineMarkdown};

/// Markdown rendered by earlier model builds, by content path, and what internal links
/// resolved against in the last one. Kept by `gka serve` between rebuilds; a one-off build
/// starts from an empty cache.
#[derive(Debug, Default)]
pub struct MarkdownCache {
    entries: HashMap<String, Cached>,
    links: LinkTargets,
    links_digest: u64,
    rendered_last: usize,
}

impl MarkdownCache {
    /// How many documents the last model build rendered (the rest came from the cache).
    pub fn rendered_last(&self) -> usize {
        self.rendered_last
    }

    /// Renders a new version of a document of the last model build, placed at `url`, against
    /// that build's link targets, and keeps it in place of the earlier one. `None` when the
    /// last build did not render the document.
    pub(super) fn render_again<T: InlineMarkdown>(
        &mut self,
        doc: &Document<T>,
        url: &SitePath,
    ) -> Option<Again> {
        let earlier = self.entries.get_mut(&doc.source.content_path)?;
        let cached = render(doc, url, &self.links, self.links_digest);
        let before = std::mem::replace(earlier, cached);
        Some(Again {
            body: Arc::clone(&earlier.body),
            inline: earlier.inline.clone(),
            found_before: before.found,
            found: earlier.found.clone(),
        })
    }
}

/// A document's Markdown rendered again by [`MarkdownCache::render_again`].
pub(super) struct Again {
    pub(super) body: Arc<Rendered>,
    pub(super) inline: Vec<String>,
    /// The problems the earlier rendering found.
    pub(super) found_before: Vec<Diagnostic>,
    /// The problems this rendering found.
    pub(super) found: Vec<Diagnostic>,
}

/// Renders `doc`'s body, inline fields and `afbeelding` as the page at `url`.
fn render<T: InlineMarkdown>(
    doc: &Document<T>,
    url: &SitePath,
    links: &LinkTargets,
    links_digest: u64,
) -> Cached {
    let mut found = Vec::new();
    let body = markdown::render(&doc.source, doc.data.afbeelding(), url, links, &mut found);
    let inline = doc
        .data
        .inline_markdown()
        .into_iter()
        .map(|text| markdown::render_inline(text, &doc.source, url, links, &mut found))
        .collect();
    Cached {
        digest: doc.source.digest,
        url: url.clone(),
        links: links_digest,
        body: Arc::new(body),
        inline,
        found,
    }
}

/// One document's rendered Markdown and what it was rendered from.
#[derive(Debug, Clone)]
struct Cached {
    digest: Digest,
    url: SitePath,
    links: u64,
    body: Arc<Rendered>,
    inline: Vec<String>,
    found: Vec<Diagnostic>,
}

/// Renders the documents of one model build: from the cache where it can, else anew.
pub(super) struct Bodies<'a> {
    links: LinkTargets,
    links_digest: u64,
    earlier: &'a MarkdownCache,
    /// What this build rendered or reused, which becomes the cache for the next one.
    next: HashMap<String, Cached>,
    rendered: usize,
}

impl<'a> Bodies<'a> {
    pub(super) fn new(links: LinkTargets, earlier: &'a MarkdownCache) -> Bodies<'a> {
        Bodies {
            links_digest: links.digest(),
            links,
            earlier,
            next: HashMap::new(),
            rendered: 0,
        }
    }

    /// The fingerprint of the link targets this build renders against.
    pub(super) fn links_digest(&self) -> u64 {
        self.links_digest
    }

    /// The cache for the next build: what this one rendered or reused, and its link targets.
    /// Documents that are gone are not in it.
    pub(super) fn finish(self) -> MarkdownCache {
        MarkdownCache {
            entries: self.next,
            links: self.links,
            links_digest: self.links_digest,
            rendered_last: self.rendered,
        }
    }

    pub(super) fn one<T: InlineMarkdown>(
        &mut self,
        placed: Placed<T>,
        diagnostics: &mut Diagnostics,
    ) -> Entry<T> {
        let (entry, cached, fresh) = self.render(placed);
        self.keep(&entry, cached, fresh, diagnostics);
        entry
    }

    pub(super) fn all<T: InlineMarkdown + Send + Sync>(
        &mut self,
        placed: Vec<Placed<T>>,
        diagnostics: &mut Diagnostics,
    ) -> Vec<Entry<T>> {
        let this = &*self;
        let rendered: Vec<(Entry<T>, Cached, bool)> =
            placed.into_par_iter().map(|p| this.render(p)).collect();
        rendered
            .into_iter()
            .map(|(entry, cached, fresh)| {
                self.keep(&entry, cached, fresh, diagnostics);
                entry
            })
            .collect()
    }

    fn keep<T>(
        &mut self,
        entry: &Entry<T>,
        cached: Cached,
        fresh: bool,
        diagnostics: &mut Diagnostics,
    ) {
        diagnostics.extend(cached.found.iter().cloned());
        self.rendered += usize::from(fresh);
        self.next
            .insert(entry.doc.source.content_path.clone(), cached);
    }

    /// The document's entry, its cache record, and whether it was rendered now.
    fn render<T: InlineMarkdown>(&self, (doc, url): Placed<T>) -> (Entry<T>, Cached, bool) {
        let earlier = self
            .earlier
            .entries
            .get(&doc.source.content_path)
            .filter(|c| {
                c.digest == doc.source.digest && c.url == url && c.links == self.links_digest
            });
        let (cached, fresh) = match earlier {
            Some(cached) => (cached.clone(), false),
            None => (render(&doc, &url, &self.links, self.links_digest), true),
        };
        let entry = Entry::new(doc, url, Arc::clone(&cached.body), cached.inline.clone());
        (entry, cached, fresh)
    }
}

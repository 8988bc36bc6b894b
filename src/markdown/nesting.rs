//! How deeply a body nests its elements: Markdown's lists, quotes, emphasis and links and the
//! HTML elements written in it, together.
//!
//! The sanitiser parses the HTML of bodies with raw HTML with html5ever, whose tree builder
//! walks the stack of open elements for most tags, as the HTML standard describes it: time
//! quadratic in the depth. 100 KB of `> ` with one `<b>` in it took 9 s, and a 10 MiB body
//! would take hours. Browsers stop nesting at 512; no page a person writes comes near
//! [`MAX_DEPTH`], so deeper bodies are refused before anything parses their HTML.
//!
//! The depth of the raw HTML is counted from html5ever's own tokenizer, which is linear, with
//! the parts of the tree builder that keep a page people write shallow: void elements, end
//! tags that close what they match, `<p>`, `<li>`, `<td>` and their like closing the one
//! before, and the end of a Markdown element closing the HTML opened inside it.

use std::cell::{Cell, RefCell};
use std::ops::Range;

use html5ever::LocalName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pulldown_cmark::{Event, Tag, TagEnd};

/// How many elements a body may nest inside each other.
pub const MAX_DEPTH: usize = 100;

/// The offset of the first event at which `events` nest deeper than [`MAX_DEPTH`], if any.
pub fn too_deep(events: &[(Event, Range<usize>)]) -> Option<usize> {
    let tokenizer = Tokenizer::new(HtmlStack::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    let mut markdown = 0usize;
    for (event, range) in events {
        match event {
            // An HTML block is no element: the HTML in it may stay open after it.
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Start(_) => markdown += 1,
            Event::End(_) => {
                markdown = markdown.saturating_sub(1);
                tokenizer.sink.close_inside(markdown);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                tokenizer.sink.markdown.set(markdown);
                queue.push_back(StrTendril::from(&**html));
                let _ = tokenizer.feed(&queue);
            }
            _ => {}
        }
        if markdown + tokenizer.sink.open.borrow().len() > MAX_DEPTH {
            return Some(range.start);
        }
    }
    None
}

/// The raw HTML elements still open, as the tokenizer reads them.
#[derive(Default)]
struct HtmlStack {
    /// Each open element with the Markdown depth it was opened at, innermost last.
    open: RefCell<Vec<(LocalName, usize)>>,
    /// The Markdown depth of the HTML being read.
    markdown: Cell<usize>,
}

impl HtmlStack {
    /// Closes the elements opened inside a Markdown element that ended, leaving `markdown`
    /// levels: its end tag closes them in the parser too.
    fn close_inside(&self, markdown: usize) {
        let mut open = self.open.borrow_mut();
        while open.last().is_some_and(|(_, at)| *at > markdown) {
            open.pop();
        }
    }
}

impl TokenSink for HtmlStack {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        let mut open = self.open.borrow_mut();
        // Past the limit the count no longer matters; stopping keeps every step short.
        if open.len() > MAX_DEPTH {
            return TokenSinkResult::Continue;
        }
        let name = &*tag.name;
        if tag.kind == TagKind::EndTag {
            if let Some(at) = open.iter().rposition(|(open, _)| *open == tag.name) {
                open.truncate(at);
            }
            return TokenSinkResult::Continue;
        }
        if VOID.contains(&name) {
            return TokenSinkResult::Continue;
        }
        let foreign = open.iter().any(|(n, _)| matches!(&**n, "svg" | "math"));
        // `<div/>` opens a div in HTML; only in SVG and MathML does `/>` close the element.
        if tag.self_closing && (foreign || matches!(name, "svg" | "math")) {
            return TokenSinkResult::Continue;
        }
        if let Some(group) = closes_sibling(name) {
            // The run of such elements on top of the stack: `<li>` closes the `<li>` before
            // it, through a `<p>`, but not one outside a `<ul>` in between.
            let run = open
                .iter()
                .rposition(|(n, _)| closes_sibling(n).is_none())
                .map_or(0, |i| i + 1);
            if let Some(at) = open[run..]
                .iter()
                .position(|(n, _)| closes_sibling(n) == Some(group))
            {
                open.truncate(run + at);
            }
        }
        open.push((tag.name.clone(), self.markdown.get()));
        // The text of these is not HTML; reading tags in it would count what is not there.
        match name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

/// Elements that never hold anything.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// For an element whose start closes an open one of its kind (`<li>` an `<li>`, `<td>` a
/// `<th>`), the name of that kind.
fn closes_sibling(name: &str) -> Option<&'static str> {
    Some(match name {
        "p" => "p",
        "li" => "li",
        "dt" | "dd" => "dd",
        "td" | "th" => "td",
        "tr" => "tr",
        "thead" | "tbody" | "tfoot" => "tbody",
        "option" => "option",
        "optgroup" => "optgroup",
        "rb" | "rt" | "rtc" | "rp" => "rt",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn depth_exceeded(markdown: &str) -> Option<usize> {
        let events: Vec<_> = Parser::new(markdown).into_offset_iter().collect();
        too_deep(&events)
    }

    #[test]
    fn deep_markdown_is_too_deep_where_it_passes_the_limit() {
        let quotes = format!("Tekst\n\n{}x\n", "> ".repeat(MAX_DEPTH + 1));
        assert_eq!(depth_exceeded(&quotes), Some(7 + 2 * MAX_DEPTH));
        let shallow = format!("{}x\n", "> ".repeat(MAX_DEPTH - 1));
        assert_eq!(depth_exceeded(&shallow), None);
    }

    #[test]
    fn deep_raw_html_is_too_deep_alone_and_with_markdown() {
        let divs = format!(
            "{}x{}\n",
            "<div>".repeat(MAX_DEPTH + 1),
            "</div>".repeat(MAX_DEPTH + 1)
        );
        assert!(depth_exceeded(&divs).is_some());
        // Each block alone is shallow; the elements stay open from one to the next.
        let blocks = "<div>\n\n".repeat(MAX_DEPTH + 1);
        assert!(depth_exceeded(&blocks).is_some());
        let mixed = format!("{}<b><i><u>x\n", "> ".repeat(MAX_DEPTH - 2));
        assert!(depth_exceeded(&mixed).is_some());
    }

    #[test]
    fn html_people_write_is_shallow() {
        let closed = "<div><p>a</p></div>\n\n".repeat(500);
        assert_eq!(depth_exceeded(&closed), None);
        // Pasted HTML that leaves out optional end tags, and void elements.
        let unclosed = format!(
            "<ul>{}</ul>\n\n<table>{}</table>\n\n{}\n",
            "<li>punt<br>".repeat(500),
            "<tr><td>a<td>b".repeat(500),
            "<p>alinea<img src=x.png>".repeat(500)
        );
        assert_eq!(depth_exceeded(&unclosed), None);
        // An element left open in each paragraph closes with the paragraph.
        let open_spans = "Tekst met <span>een open span.\n\n".repeat(500);
        assert_eq!(depth_exceeded(&open_spans), None);
        // Tags in a script's text and self-closing SVG elements do not nest.
        let script = format!("<script>{}</script>\n", "<div>".repeat(500));
        assert_eq!(depth_exceeded(&script), None);
        let svg = format!("<svg>{}</svg>\n", "<path d=\"M0 0\"/>".repeat(500));
        assert_eq!(depth_exceeded(&svg), None);
    }
}

//! iCalendar (RFC 5545) files for events, so visitors can add an event to their agenda.

use chrono::{NaiveDate, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};

use crate::content::nieuws::Nieuws;
use crate::content::values::Datum;
use crate::site::{Config, Entry};

/// The calendar file of an event: one all-day event on its `datum`.
pub fn event(config: &Config, entry: &Entry<Nieuws>) -> Option<String> {
    let date = naive(entry.doc().meta.datum?)?;
    let permalink = config.absolute(&entry.url);
    let host = config.base_url.host_str().unwrap_or("gka");
    let slug = entry.url.trim_matches('/').replace('/', "-");
    let mut event = Event::new();
    event
        .uid(&format!("{slug}@{host}"))
        // A fixed stamp keeps builds reproducible; the event's date is what changes it.
        .timestamp(Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0)?))
        .summary(&entry.doc().meta.titel)
        .starts(date)
        // DTEND of an all-day event is exclusive (RFC 5545 3.6.1): the next day.
        .ends(date.succ_opt()?)
        .url(&permalink);
    if let Some(summary) = entry.summary() {
        event.description(summary);
    }
    if let Some(locatie) = &entry.doc().data.locatie {
        event.location(locatie);
    }
    // Not `Calendar::name`: icalendar knows no value type for NAME (RFC 7986) and writes it
    // unescaped, so a line break in the title would start a property of its own.
    let name = Property::new("NAME", &config.titel)
        .add_parameter("VALUE", "TEXT")
        .done();
    let calendar = Calendar::new()
        .append_property(name)
        .append_property(Property::new("X-WR-CALNAME", &config.titel))
        .push(event.done())
        .done();
    Some(calendar.to_string())
}

fn naive(datum: Datum) -> Option<NaiveDate> {
    let d = datum.0;
    NaiveDate::from_ymd_opt(d.year(), u32::from(u8::from(d.month())), u32::from(d.day()))
}

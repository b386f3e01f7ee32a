//! A cursor over a list drawn a page at a time: where it is, and the first
//! item in view, kept so the list scrolls only when the cursor leaves it.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rows {
    pub cursor: usize,
    /// The first item in view.
    pub offset: usize,
}

impl Rows {
    /// Moves by `delta` items within `len`, then scrolls so the cursor is
    /// among the `page` items in view.
    pub fn step(&mut self, delta: isize, len: usize, page: usize) {
        let last = len.saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
        self.show(len, page);
    }

    pub fn first(&mut self, len: usize, page: usize) {
        self.cursor = 0;
        self.show(len, page);
    }

    pub fn last(&mut self, len: usize, page: usize) {
        self.cursor = len.saturating_sub(1);
        self.show(len, page);
    }

    /// Clamps to `len` items and scrolls the cursor into a view of `page`.
    pub fn show(&mut self, len: usize, page: usize) {
        let page = page.max(1);
        self.cursor = self.cursor.min(len.saturating_sub(1));
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + page {
            self.offset = self.cursor + 1 - page;
        }
        // No blank space below the last item when the list could fill the view.
        self.offset = self.offset.min(len.saturating_sub(page));
    }

    /// The first item to draw in a view of `page` items, whatever the view
    /// was when the cursor last moved (the terminal may have been resized).
    pub fn offset_for(&self, len: usize, page: usize) -> usize {
        let mut rows = *self;
        rows.show(len, page);
        rows.offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_follows_the_cursor_only_when_it_leaves() {
        let mut rows = Rows::default();
        rows.step(3, 10, 4);
        assert_eq!((rows.cursor, rows.offset), (3, 0));
        rows.step(1, 10, 4);
        assert_eq!((rows.cursor, rows.offset), (4, 1));
        rows.step(-2, 10, 4);
        assert_eq!((rows.cursor, rows.offset), (2, 1));
        rows.step(100, 10, 4);
        assert_eq!((rows.cursor, rows.offset), (9, 6));
        rows.first(10, 4);
        assert_eq!((rows.cursor, rows.offset), (0, 0));
        rows.last(0, 4);
        assert_eq!((rows.cursor, rows.offset), (0, 0));
        assert_eq!(
            Rows {
                cursor: 9,
                offset: 6
            }
            .offset_for(10, 20),
            0
        );
    }
}

-- What a notification is about, as data (the clock, its due instant, who mentioned whom), so the
-- web app can say it in the reader's language instead of showing the English sentence.
alter table notifications add column data jsonb;

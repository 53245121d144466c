-- Message templates per policy, kind and language. An administrator's edit adds a version; the
-- latest version is used, and when a policy has none the template shipped in templates/ is.
create table message_templates (
  policy_id   text not null,
  kind        text not null,
  language    text not null,
  version     integer not null check (version > 0),
  subject     text not null,
  body        text not null,
  created_by  text references users (id),
  created_at  timestamptz not null default now(),
  primary key (policy_id, kind, language, version)
);

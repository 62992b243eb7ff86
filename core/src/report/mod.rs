//! The learning report: one document model, rendered to Markdown, HTML and JSON.

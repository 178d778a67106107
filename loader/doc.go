// Package loader reads park-news articles from disk and prepares them for
// extraction: it walks files and folders, decodes the bytes (UTF-8 with or
// without BOM, UTF-16 with BOM, GB18030/GBK), takes the text out of HTML,
// cleans the layout damage of newspaper pages (sentences broken across blank
// lines, bylines and photo credits) and splits the text into sentences.
//
// Its output is a graph.Document with Text and Sentences filled in; the
// extract package finds the entities and relations.
package loader

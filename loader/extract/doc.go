// Package extract finds entities and relations in cleaned park-news text.
//
// It works in three passes over a document:
//
//  1. Recognise entity mentions: organisations by the grammar of their
//     suffixes (有限公司, 研究院, 管委会, 基金, …) extended leftwards over name
//     characters until a verb, a particle, punctuation or a preceding park
//     stops them; parks by park-type words (高新区, 经开区, 工业园区, 示范区,
//     …); honours from quoted spans after 上榜/入选/授予/认定/获评 and from a
//     catalogue of honour titles; projects (年产…项目, …基地项目); aliases
//     defined by 以下简称/简称 and short forms derived from full names.
//  2. Resolve mentions into entities with a canonical name and aliases.
//  3. Match relation rules against each sentence, in which every mention has
//     been replaced by one private-use character that encodes its type, so a
//     rule is a regular expression over typed slots.
//
// A rule's regular expression runs only on sentences that hold, in order,
// the words and slot types every match of it needs (its prefilter, derived
// from the expression). The words of all prefilters are found in one scan
// of a sentence, and a sentence is tried only against the patterns its
// words, its count of slots and their types allow. A sentence that passes
// is first read by the pattern's match test (matchTest), a deterministic
// automaton built from the expression's program as sentences need its
// states: it tells in one pass whether there is a match at all, and the
// regular expression engine runs only where there is, for the match and
// its groups. The small expressions tried on every name are guarded by
// prefilters too (guardedRE).
//
// All word lists and rules are data: the files under rules/, embedded in the
// binary. Every rule carries sentences it must and must not match; one table
// test runs them all. A rule file error reports file:line.
package extract

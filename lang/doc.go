// Package lang is mcgo's front end for the Erlang subset that models are
// written in: a preprocessor (macros, -D definitions), a parser written with
// participle v2, a checker in the manner of erlc's linter, and the reader of
// the model configuration held in -mcgo(Term) attributes.
//
// Its output is mcgo's own syntax tree (package lang/ast) with compact
// positions (package lang/token); participle's grammar types and lexer
// positions stay unexported inside this package. Diagnostics are collected in
// a [token.ErrorList], sorted by position, one per line.
//
// Package lang imports no mcgo package other than lang/ast and lang/token,
// and it is the only importer of participle.
package lang

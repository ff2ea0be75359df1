// Package lang is mcgo's front end for the Erlang subset that models are
// written in: a scanner and preprocessor (macros, -ifdef, -D definitions,
// expanded on tokens before parsing, as epp does), a parser written with
// participle v2, a checker in the manner of erlc's erl_lint, and the reader
// of the model configuration held in -mcgo(Term) attributes.
//
// [Load] runs the three stages on a model file, then loads and checks the
// library modules it reaches on its code path (modules.go: the model's
// directory and Options.Path), and returns a [Model];
// [ParseFile], [ReadConfig] and [Check] run one stage each, and [ParseTerm]
// reads one term (a flag value). [Config.Set] applies a command-line
// override, [Config.WithVariant] a named variant.
//
// Its output is mcgo's own syntax tree (package lang/ast) with compact
// positions (package lang/token); participle's grammar types and lexer
// positions stay unexported inside this package (grammar.go), lowered into
// the tree by lower.go. Diagnostics are collected in a [token.ErrorList],
// sorted by position, one error and one warning per line, worded as erlc
// words them, or as Go's parser does for syntax errors ("expected X,
// found Y"). No input may make the front end panic: FuzzParseFile checks
// it, and that every diagnostic lies inside the input.
//
// Package lang imports no mcgo package other than lang/ast and lang/token,
// and it is the only importer of participle (TestImports enforces it).
//
// The subset, the diagnostics and the checker's rules are described in
// docs/language.md; the configuration keys in docs/configuration.md.
package lang

-module(include_header).
-export([f/0]).

%% Errors inside a header are reported at the header's lines.
-include("include_header.hrl").

f() -> ?FROM_HEADER.

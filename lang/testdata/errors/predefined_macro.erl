-module(predefined_macro).
-export([f/0]).

%% epp refuses to redefine the predefined macros, with or without
%% parameters; erlc reports each at the name.
-define(MODULE, x). % ERROR "redefining predefined macro 'MODULE'"
-define(MODULE_STRING, "x"). % ERROR "redefining predefined macro 'MODULE_STRING'"
-define(LINE, 1). % ERROR "redefining predefined macro 'LINE'"
-define(FILE(X), X). % ERROR "redefining predefined macro 'FILE'"
-define(FUNCTION_NAME, f). % ERROR "redefining predefined macro 'FUNCTION_NAME'"
-define(OTP_RELEASE, 99). % ERROR "redefining predefined macro 'OTP_RELEASE'"

f() -> ?MODULE.

-module(binaries).
-export([f1/1, f2/1, f3/1, f4/1, f5/1, f6/1, f7/1, f8/1, f9/1, f10/1, f11/1, f12/1, f13/1, f14/1, f15/2, f16/1]).

f1(<<X:N>>) -> X. % ERROR "variable 'N' is unbound"
f2(<<X/foo>>) -> X. % ERROR "bit type foo undefined"
f3(<<X/binary, Y>>) -> {X, Y}. % ERROR "a binary field without size is only allowed at the end of a binary pattern"
f4(X) -> <<X:8/binary-integer>>. % ERROR "conflict in type specification for bit field: 'integer' and 'binary'"
f5(X) -> <<X/utf8:8>>. % ERROR "bit type \{utf8,8\} undefined"
f6(X) -> <<X/float-unit:8>>. % ERROR "a bit unit size must not be specified unless a size is specified too"
f7(X) -> <<X/unit:8>>. % ERROR "a bit unit size must not be specified unless a size is specified too"
f8(<<X:8/little-big>>) -> X. % ERROR "conflict in endianness specification for bit field: 'big' and 'little'"
f9(X) -> <<X:8/signed-unsigned>>. % ERROR "conflict in sign specification for bit field: 'unsigned' and 'signed'"
f10(<<"a":8>>) -> ok. % ERROR "a literal string in a binary pattern must not have a type or a size"
f11(<<X:(g())>>) -> X. % ERROR "call to local/imported function g/0 is illegal in a size expression for a binary segment"
f12(X) -> <<X:8/unit:300>>. % ERROR "bit type \{unit,300\} undefined"
f13(<<X:8/bits-unit:3>>) -> X. % ERROR "conflict in unit specification for bit field: '3' and '1'"
f14(X) -> <<X:8/utf8>>. % ERROR "neither size nor unit must be given for segments of type utf8/utf16/utf32"
f15(N, <<X:N>>) -> X. % ERROR "variable 'N' is unbound"
f16(B) -> case B of {N, <<X:N>>} -> X end. % ERROR "variable 'N' is unbound"

g() -> 1. % WARNING "function g/0 is unused"

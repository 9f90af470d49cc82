package mujun

import "strings"

// usccChars are the 31 characters of a unified social credit code in
// their GB 32100-2015 order: digits, then capitals without I, O, S, V and
// Z. A character's value is its index.
const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccWeights are the weights of positions 1–17 (3^(i−1) mod 31).
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCCProblem says what is wrong with a unified social credit code, or ""
// when it is valid: 18 characters from the GB 32100-2015 set, positions
// 3–8 an administrative division code (digits), and the 18th the check
// character C18 = 31 − (Σ c_i·w_i mod 31), 31 written as 0. The return is
// a message key of this package.
func USCCProblem(code string) (key string, args []any) {
	if len(code) != 18 {
		return "mujun.uscc.len", []any{code, len([]rune(code))}
	}
	sum := 0
	for i := 0; i < 18; i++ {
		v := strings.IndexByte(usccChars, code[i])
		if v < 0 {
			return "mujun.uscc.char", []any{code, i + 1, string(code[i])}
		}
		if i >= 2 && i < 8 && v > 9 {
			return "mujun.uscc.region", []any{code}
		}
		if i < 17 {
			sum += v * usccWeights[i]
		}
	}
	want := usccChars[(31-sum%31)%31]
	if code[17] != want {
		return "mujun.uscc.check", []any{code, string(want)}
	}
	return "", nil
}

// ValidUSCC reports whether code is a valid unified social credit code.
func ValidUSCC(code string) bool {
	k, _ := USCCProblem(code)
	return k == ""
}

// CompleteUSCC returns first17 followed by its GB 32100-2015 check
// character, or "" when first17 is not 17 characters of the code's set.
// The demo generator and tests make valid codes with it.
func CompleteUSCC(first17 string) string {
	if len(first17) != 17 {
		return ""
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccChars, first17[i])
		if v < 0 {
			return ""
		}
		sum += v * usccWeights[i]
	}
	return first17 + string(usccChars[(31-sum%31)%31])
}

package invest

import "strings"

// usccChars are the characters of a 统一社会信用代码 (GB 32100-2015), by
// value: digits and the capital letters but I, O, Z, S and V.
const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// ValidUSCC reports whether s is an 18-character 统一社会信用代码 whose
// last character is the check character of the first 17 (GB 32100-2015:
// weights 3^i mod 31, check = 31 − Σ mod 31, 31 written as 0).
func ValidUSCC(s string) bool {
	if len(s) != 18 {
		return false
	}
	sum, w := 0, 1
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccChars, s[i])
		if v < 0 {
			return false
		}
		sum += v * w
		w = w * 3 % 31
	}
	c := (31 - sum%31) % 31
	return s[17] == usccChars[c]
}

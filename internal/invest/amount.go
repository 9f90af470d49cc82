package invest

import (
	"math"
	"strconv"
	"strings"
)

// Amount is a sum of money in units of 10⁻⁸ 亿元, that is one 元. Sums of
// amounts are exact, so that the command line and the server, which add
// the same rows in different orders, print the same figures, and 0.1 + 0.2
// 亿元 prints as 0.3.
type Amount int64

// AmountScale is the number of Amount units in 1 亿元.
const AmountScale = 1e8

// ParseAmount reads a number of 亿元 (a decimal or exponent form, not hex
// or with digit separators), rounded to the 元.
func ParseAmount(s string) (Amount, bool) {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 9e7 {
		return 0, false
	}
	return Amount(math.Round(v * AmountScale)), true
}

// Yi returns a in 亿元.
func (a Amount) Yi() float64 { return float64(a) / AmountScale }

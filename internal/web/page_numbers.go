package web

import (
	"math"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/method"
)

// grouped formats v as people write figures: d decimals and a comma
// between thousands (12,345.67), "—" when missing, and no "-0.00" for a
// value that rounds to zero.
func grouped(v float64, d int) string {
	s := fixed(v, d)
	if s == "—" {
		return s
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if len(whole) > 3 {
		var b strings.Builder
		for i, c := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		whole = b.String()
	}
	if hasFrac {
		whole += "." + frac
	}
	return sign + whole
}

// indicatorPlaces is how many decimals the values of the method's
// indicator code are published with (method.Indicator.Places); 2 for a
// code the method does not list.
func indicatorPlaces(m *method.Method, code string) int {
	if m != nil {
		for _, ind := range m.Indicators {
			if ind.Code == code {
				return ind.Places()
			}
		}
	}
	return 2
}

// unitPlaces is the decimals of a figure known only by its unit (the
// catalogue's indicators outside a method).
func unitPlaces(unit string) int { return method.Indicator{Unit: unit, Decimals: -1}.Places() }

// halfUp is v with d decimals rounded half away from zero (四舍五入) as
// the reader sees v: from its shortest decimal form, so that 2.675 gives
// 2.68 although its binary value is a little less; no "-0.00".
func halfUp(v float64, d int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) < d {
		frac += strings.Repeat("0", d-len(frac))
	}
	digits := []byte(whole + frac[:d])
	if len(frac) > d && frac[d] >= '5' {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		} else {
			digits[i]++
		}
	}
	out := string(digits)
	if d > 0 {
		out = out[:len(out)-d] + "." + out[len(out)-d:]
	}
	if v < 0 && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return out
}

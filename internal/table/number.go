package table

import (
	"math"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
)

func init() {
	locale.Register(map[string][2]string{
		"table.numhex": {"应为十进制数值，实际为 %q（不接受十六进制数）", "expected a decimal number, found %q (hexadecimal is not accepted)"},
		"table.numsep": {"应为数值，实际为 %q（数字中不能有 _ 或千位分隔符）", "expected a number, found %q (no _ or thousands separators inside a number)"},
		"table.numinf": {"应为有限数值，实际为 %q", "expected a finite number, found %q"},
		"table.numbig": {"数值 %q 超出可表示的范围（绝对值大于 1.8e308）", "the number %q is out of range (magnitude over 1.8e308)"},
		"table.numtiny": {"数值 %q 太小，无法表示（非零但小于 4.9e-324，会变成 0）",
			"the number %q is too small to represent (not zero but under 4.9e-324; it would become 0)"},
		"table.date": {"日期格式的单元格不能作为数值（%s）", "a date-formatted cell cannot be a numeric value (%s)"},
	})
}

// ParseNumber parses a cell as a number. An empty cell (or "NA", as R
// writes it) is missing and gives NaN. Only plain decimal notation is a
// number: an optional sign, digits with an optional point, an optional
// exponent (2e-06). Hexadecimal floats (0x1p-2), digit separators
// (1_000), Inf, NaN and numbers that overflow or underflow a float64 are
// refused: strconv.ParseFloat would accept all of them silently.
func ParseNumber(s string) (float64, bool) {
	v, key := parseNumber(s)
	return v, key == ""
}

// parseNumber returns the value of s, or the message key saying why s is
// not a number.
func parseNumber(s string) (float64, string) {
	s = strings.TrimSpace(s)
	if s == "" || s == "NA" {
		return math.NaN(), ""
	}
	if key := numberSyntax(s); key != "" {
		return 0, key
	}
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || math.IsInf(v, 0):
		return 0, "table.numbig"
	case v == 0 && nonZeroMantissa(s):
		return 0, "table.numtiny"
	}
	return v, ""
}

// numberSyntax checks the decimal grammar [+-]digits[.digits][(e|E)[+-]digits]
// (digits on at least one side of the point) and names the problem.
func numberSyntax(s string) string {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i++
	}
	rest := strings.ToLower(s[i:])
	switch {
	case strings.HasPrefix(rest, "0x"):
		return "table.numhex"
	case rest == "inf" || rest == "infinity" || rest == "nan":
		return "table.numinf"
	}
	digits := 0
	for ; i < len(s) && isDigit(s[i]); i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && isDigit(s[i]); i++ {
			digits++
		}
	}
	if digits == 0 {
		return "table.number"
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == start {
			return "table.number"
		}
	}
	if i == len(s) {
		return ""
	}
	if strings.ContainsAny(s[i:], "_,") {
		return "table.numsep"
	}
	return "table.number"
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// nonZeroMantissa reports whether the digits before the exponent of a
// well-formed number hold anything but zeros.
func nonZeroMantissa(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'e' || c == 'E':
			return false
		case c >= '1' && c <= '9':
			return true
		}
	}
	return false
}

// CellNumber parses cell (r, c) as a number, as ParseNumber does, and
// says why it is not one: the message key and its arguments ("" when the
// cell is a number or empty). A workbook cell formatted as a date is not a
// number even though the file stores it as one (a serial day count).
func (t *Table) CellNumber(r, c int) (float64, string, []any) {
	s := t.Rows[r][c]
	if t.Dates[Cell{r, c}] && strings.TrimSpace(s) != "" {
		return math.NaN(), "table.date", []any{s}
	}
	v, key := parseNumber(s)
	if key != "" {
		return math.NaN(), key, []any{s}
	}
	return v, "", nil
}

// Number parses cell (r, c) as a number, appending a located error to errs
// when it is not one.
func (t *Table) Number(r, c int, errs *Errors) float64 {
	v, key, args := t.CellNumber(r, c)
	if key != "" {
		*errs = append(*errs, t.Errorf(r, c, locale.M(key, args...)))
		return math.NaN()
	}
	return v
}

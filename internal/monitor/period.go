package monitor

import (
	"fmt"
	"strconv"
	"strings"
)

// Period is a cumulative period: January to Month of Year (1–N月累计).
type Period struct {
	Year, Month int
}

// String writes the period as YYYY-MM.
func (p Period) String() string { return fmt.Sprintf("%04d-%02d", p.Year, p.Month) }

// YearEarlier returns the same cumulative months a year before, the base of
// a growth rate (同比).
func (p Period) YearEarlier() Period { return Period{p.Year - 1, p.Month} }

// index numbers the months consecutively.
func (p Period) index() int { return p.Year*12 + p.Month - 1 }

// ParsePeriod reads a cumulative period: YYYY-MM ("2023-06") as the
// monitoring files write it, and the store's codes "2023-M06" (or
// "2023-M6") and "2023-Q2" (a quarter is the cumulative months to its end,
// 1–6月). A bare year is not a cumulative month and is refused.
func ParsePeriod(s string) (Period, bool) {
	s = strings.TrimSpace(s)
	ys, rest, cut := strings.Cut(s, "-")
	if !cut || len(ys) != 4 || !digits(ys) {
		return Period{}, false
	}
	y, _ := strconv.Atoi(ys)
	if y < 1900 {
		return Period{}, false
	}
	m := 0
	switch {
	case len(rest) == 2 && digits(rest):
		m, _ = strconv.Atoi(rest)
	case len(rest) >= 2 && len(rest) <= 3 && rest[0] == 'M' && digits(rest[1:]):
		m, _ = strconv.Atoi(rest[1:])
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		m = 3 * int(rest[1]-'0')
	}
	if m < 1 || m > 12 {
		return Period{}, false
	}
	return Period{y, m}, true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// PeriodKind is a year or a cumulative part of one.
type PeriodKind string

// The period kinds.
const (
	PeriodYear  PeriodKind = "year"
	PeriodMonth PeriodKind = "month" // cumulative from January: 2023-M03 is 1–3月
)

// Period is what a figure is for: a year ("2022") or the months from
// January to Month of a year ("2023-M06", 1–6月). Chinese statistics report
// through the year cumulatively, so a quarter is the cumulative months to
// its end: ParsePeriod reads "2023-Q2" as "2023-M06".
type Period struct {
	Code  string
	Kind  PeriodKind
	Year  int
	Month int // 0 for a year
}

// ParsePeriod reads "2022", "2023-M03" (or "2023-M3") and "2023-Q1" … "2023-Q4"
// into a Period with its canonical code.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	ys, rest, cut := strings.Cut(s, "-")
	y, err := strconv.Atoi(ys)
	if err != nil || len(ys) != 4 || y < 1900 || y > 2999 {
		return Period{}, refuse(ErrInvalid, "store.period", s)
	}
	if !cut {
		return Period{Code: ys, Kind: PeriodYear, Year: y}, nil
	}
	m := 0
	if len(rest) >= 2 {
		n, err := strconv.Atoi(rest[1:])
		switch {
		case err != nil:
		case rest[0] == 'M' && n >= 1 && n <= 12:
			m = n
		case rest[0] == 'Q' && n >= 1 && n <= 4:
			m = 3 * n
		}
	}
	if m == 0 {
		return Period{}, refuse(ErrInvalid, "store.period", s)
	}
	return Period{Code: fmt.Sprintf("%d-M%02d", y, m), Kind: PeriodMonth, Year: y, Month: m}, nil
}

// Label returns the period as a Chinese report heading: 2022年, 2023年1–6月.
func (p Period) Label() string {
	if p.Kind == PeriodYear {
		return fmt.Sprintf("%d年", p.Year)
	}
	if p.Month == 1 {
		return fmt.Sprintf("%d年1月", p.Year)
	}
	return fmt.Sprintf("%d年1–%d月", p.Year, p.Month)
}

const periodColumns = `code, kind, year, month`

func scanPeriod(s scanner) (Period, error) {
	var p Period
	err := s.Scan(&p.Code, &p.Kind, &p.Year, &p.Month)
	return p, err
}

// Periods returns the periods known to the store, by code.
func (db *DB) Periods(ctx context.Context) (ps []Period, err error) {
	defer wrap(&err, "Periods")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+periodColumns+` FROM periods ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanPeriod(rows)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

// ensurePeriods adds the periods named by the keys of codes that the store
// lacks, and sets each key's value to its canonical code; imports call it so
// that nobody has to declare a period before its figures.
func (t *txn) ensurePeriods(codes map[string]string) error {
	for raw := range codes {
		p, err := ParsePeriod(raw)
		if err != nil {
			return err
		}
		codes[raw] = p.Code
		if _, err := t.Exec(`INSERT INTO periods (`+periodColumns+`) VALUES ($1, $2, $3, $4)
			ON CONFLICT (code) DO NOTHING`, p.Code, string(p.Kind), p.Year, p.Month); err != nil {
			return err
		}
	}
	return nil
}

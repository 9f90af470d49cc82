package store

import (
	"context"
	"fmt"
	"strings"
)

// Indicator is an entry of the indicator catalogue.
type Indicator struct {
	Code       string
	NameZH     string
	NameEN     string
	Unit       string // unit of measure: 亿元, %, 万人 …
	Direction  int    // 1: more is better; -1: less is better
	Department string // the providing department (统计局, 财政厅 …); scopes department users
	Definition string // 指标解释
}

const indicatorColumns = `code, name_zh, name_en, unit, direction, department, definition`

func scanIndicator(s scanner) (Indicator, error) {
	var i Indicator
	err := s.Scan(&i.Code, &i.NameZH, &i.NameEN, &i.Unit, &i.Direction, &i.Department, &i.Definition)
	return i, err
}

// Indicator returns the indicator with code.
func (db *DB) Indicator(ctx context.Context, code string) (i Indicator, err error) {
	defer wrap(&err, "Indicator(%q)", code)
	return scanIndicator(db.sql.QueryRowContext(ctx, `SELECT `+indicatorColumns+` FROM indicators WHERE code = $1`, code))
}

// Indicators returns the catalogue, or the indicators of one providing
// department when department is not "", by code.
func (db *DB) Indicators(ctx context.Context, department string) (is []Indicator, err error) {
	defer wrap(&err, "Indicators(%q)", department)
	rows, err := db.sql.QueryContext(ctx, `SELECT `+indicatorColumns+` FROM indicators
		WHERE $1 = '' OR department = $1 ORDER BY code`, department)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		i, err := scanIndicator(rows)
		if err != nil {
			return nil, err
		}
		is = append(is, i)
	}
	return is, rows.Err()
}

// PutIndicators creates or updates catalogue entries in one transaction,
// one audit row each. Figures are not touched: they refer to the code.
func (db *DB) PutIndicators(ctx context.Context, actor Actor, is []Indicator) (err error) {
	defer wrap(&err, "PutIndicators")
	return db.change(ctx, actor, func(t *txn) error {
		for _, i := range is {
			if i.Code == "" || strings.ContainsAny(i.Code, " \t\r\n,") || strings.TrimSpace(i.NameZH) == "" {
				return refuse(ErrInvalid, "store.indicator.fields", i.Code)
			}
			if i.Direction != 1 && i.Direction != -1 {
				return refuse(ErrInvalid, "store.indicator.direction", i.Code, i.Direction)
			}
			var exists int
			if err := t.QueryRow(`SELECT COUNT(*) FROM indicators WHERE code = $1`, i.Code).Scan(&exists); err != nil {
				return err
			}
			if _, err := t.Exec(`INSERT INTO indicators (`+indicatorColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7)
				ON CONFLICT (code) DO UPDATE SET name_zh = $2, name_en = $3, unit = $4, direction = $5,
					department = $6, definition = $7`,
				i.Code, i.NameZH, i.NameEN, i.Unit, i.Direction, i.Department, i.Definition); err != nil {
				return fmt.Errorf("indicator %s: %w", i.Code, err)
			}
			action := "create"
			if exists > 0 {
				action = "update"
			}
			if err := t.audit(action, "indicator", i.Code, i); err != nil {
				return err
			}
		}
		return nil
	})
}

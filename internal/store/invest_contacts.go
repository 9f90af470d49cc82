package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// InvestContact is an entry of the first-contact register (首报首谈): a
// county records that it has met an investor, so that two counties do not
// chase the same investor without knowing it.
type InvestContact struct {
	ID           int64
	InvestorCode string
	Investor     string
	County       string
	Day          invest.Day
	Note         string
	At           time.Time
	By           string
}

// RegisterInvestContact records c and returns the earlier entries of the
// same investor by other counties (the first of them is the first
// contact); audited.
func (db *DB) RegisterInvestContact(ctx context.Context, actor Actor, c InvestContact) (out InvestContact, others []InvestContact, err error) {
	defer wrap(&err, "RegisterInvestContact(%s)", c.InvestorCode)
	c.InvestorCode = strings.TrimSpace(c.InvestorCode)
	if c.InvestorCode == "" || c.County == "" || c.Day == 0 {
		return c, nil, refuse(ErrInvalid, "store.contactFields")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		var err error
		c, others, err = t.registerInvestContact(c)
		return err
	})
	return c, others, err
}

// registerInvestContact is RegisterInvestContact inside t; the chain
// targets register their first contacts through it (chain_targets.go).
func (t *txn) registerInvestContact(c InvestContact) (_ InvestContact, others []InvestContact, err error) {
	rows, err := t.Query(`SELECT id, investor_code, investor, county, day, note, noted_at, by_user FROM invest_contacts
		WHERE investor_code = $1 AND county <> $2 ORDER BY day, id`, c.InvestorCode, c.County)
	if err != nil {
		return c, nil, err
	}
	for rows.Next() {
		var o InvestContact
		if err := rows.Scan(&o.ID, &o.InvestorCode, &o.Investor, &o.County, &o.Day, &o.Note, &o.At, &o.By); err != nil {
			rows.Close()
			return c, nil, err
		}
		others = append(others, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return c, nil, err
	}
	c.At, c.By = t.now, t.actor.Username
	if err := t.QueryRow(`INSERT INTO invest_contacts (investor_code, investor, county, day, note, noted_at, by_user)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, c.InvestorCode, c.Investor, c.County, int(c.Day), c.Note, c.At,
		c.By).Scan(&c.ID); err != nil {
		return c, nil, err
	}
	return c, others, t.audit("contact", "invest_contact", fmt.Sprint(c.ID), map[string]any{"investor_code": c.InvestorCode,
		"county": c.County, "day": c.Day.String(), "earlier_elsewhere": len(others)})
}

// InvestCountyContact is a county's register entry with how many entries
// other counties have for the same investor, and the first of them.
type InvestCountyContact struct {
	InvestContact
	Elsewhere    int
	FirstCounty  string // the county that registered the investor first, when not this one
	FirstContact invest.Day
}

// InvestContactsOf returns county's register, newest first, each entry
// with the other counties' entries of its investor.
func (db *DB) InvestContactsOf(ctx context.Context, county string) (cs []InvestCountyContact, err error) {
	defer wrap(&err, "InvestContactsOf(%s)", county)
	rows, err := db.sql.QueryContext(ctx, `SELECT c.id, c.investor_code, c.investor, c.county, c.day, c.note, c.noted_at, c.by_user,
			(SELECT COUNT(*) FROM invest_contacts o WHERE o.investor_code = c.investor_code AND o.county <> c.county),
			COALESCE((SELECT o.county FROM invest_contacts o WHERE o.investor_code = c.investor_code AND o.day < c.day
				ORDER BY o.day, o.id LIMIT 1), ''),
			COALESCE((SELECT MIN(o.day) FROM invest_contacts o WHERE o.investor_code = c.investor_code AND o.day < c.day), 0)
		FROM invest_contacts c WHERE c.county = $1 ORDER BY c.day DESC, c.id DESC`, county)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c InvestCountyContact
		if err := rows.Scan(&c.ID, &c.InvestorCode, &c.Investor, &c.County, &c.Day, &c.Note, &c.At, &c.By, &c.Elsewhere,
			&c.FirstCounty, &c.FirstContact); err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	return cs, rows.Err()
}

package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// The investment map (招商地图, issue 20 item 6): the ledger's current
// projects counted by county, zone and stage. A project in a sub-park
// counts in its zone. A chain or node filter is a predicate on a project's
// industry and explicit chain node, which the caller builds from the chain
// (chain.NodeOf), so that the map and the chain page place a project alike.

// InvestMapFilter selects the projects the map counts. Empty fields select
// all; TalksCounty is as in InvestProjectFilter (the county whose projects
// before a contract are counted, "*" for all, "" for none).
type InvestMapFilter struct {
	County      string
	Prefecture  string // 6-digit code
	Stage       invest.Stage
	Zone        string // a zone: its projects and those of its sub-parks
	TalksCounty string
	// On, when set, keeps the projects of an industry (GB/T 4754 code) and
	// explicit chain node ("CHAIN/NODE", "" for none) it accepts.
	On func(industry, chainNode string) bool
}

// InvestMapCount is the number and contract amount of the current projects
// of a county in a zone ("" for none) at a stage.
type InvestMapCount struct {
	County   string
	Zone     string
	Stage    invest.Stage
	Projects int
	Amount   invest.Amount
}

// InvestMapCounts counts the current projects f selects by county, zone and
// stage, in that order (stages in invest.Stages order).
func (db *DB) InvestMapCounts(ctx context.Context, f InvestMapFilter) (cs []InvestMapCount, err error) {
	defer wrap(&err, "InvestMapCounts")
	// zoneOf is a project's zone: its sub-park's parent, or the code given.
	const zoneOf = `COALESCE((SELECT u.parent_code FROM units u WHERE u.code = p.zone AND u.kind = 'subpark'), p.zone)`
	where := []string{"p.superseded_by IS NULL"}
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if f.County != "" {
		where = append(where, "p.county = "+arg(f.County))
	}
	if len(f.Prefecture) == 6 {
		where = append(where, "p.county >= "+arg(f.Prefecture[:4]+"00")+" AND p.county <= "+arg(f.Prefecture[:4]+"99"))
	}
	if f.Stage != "" {
		where = append(where, "p.stage = "+arg(string(f.Stage)))
	}
	if f.Zone != "" {
		where = append(where, zoneOf+" = "+arg(f.Zone))
	}
	if f.TalksCounty != "*" {
		where = append(where, "(p.stage NOT IN ('线索', '洽谈') OR p.county = "+arg(f.TalksCounty)+")")
	}
	// Grouped by industry and node too, so that the chain predicate runs
	// once per group, not once per project; grouped by the project's own
	// zone first (in the order of invest_projects_map, migration 0024),
	// so that a sub-park's parent is looked up once per group, not once
	// per project. Groups that meet in a parent zone are merged below.
	rows, err := db.sql.QueryContext(ctx, `SELECT g.county, `+strings.ReplaceAll(zoneOf, "p.zone", "g.zone")+`, g.stage,
		g.industry, g.chain_node, g.n, g.amount FROM (SELECT p.county, p.zone, p.stage, p.industry, p.chain_node,
			COUNT(*) AS n, COALESCE(SUM(p.amount), 0) AS amount
		FROM invest_projects p WHERE `+strings.Join(where, " AND ")+` GROUP BY p.county, p.zone, p.stage, p.industry, p.chain_node) g`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type key struct {
		county, zone string
		stage        invest.Stage
	}
	at := map[key]int{}
	for rows.Next() {
		var c InvestMapCount
		var stage, industry, node string
		if err := rows.Scan(&c.County, &c.Zone, &stage, &industry, &node, &c.Projects, &c.Amount); err != nil {
			return nil, err
		}
		if f.On != nil && !f.On(industry, node) {
			continue
		}
		c.Stage = invest.Stage(stage)
		k := key{c.County, c.Zone, c.Stage}
		if i, ok := at[k]; ok {
			cs[i].Projects += c.Projects
			cs[i].Amount += c.Amount
			continue
		}
		at[k] = len(cs)
		cs = append(cs, c)
	}
	// In Go, not SQL: the stages in their order, whatever the collation.
	slices.SortFunc(cs, func(a, b InvestMapCount) int {
		return cmp.Or(strings.Compare(a.County, b.County), strings.Compare(a.Zone, b.Zone),
			cmp.Compare(slices.Index(invest.Stages, a.Stage), slices.Index(invest.Stages, b.Stage)))
	})
	return cs, rows.Err()
}

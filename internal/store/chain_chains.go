package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// Industrial chains (issue 20): a chain's map and rules (chain.Chain), its
// 链长 (a post, no personal name), lead department, 专班, annual tasks, key
// projects, enterprises and source regions, 链主 and the annual
// excellent-链主 list, the counties whose key chain it is and the reported
// 本地配套率. SaveChain replaces a chain as a whole, all or nothing.

// Chain is an industrial chain with everything the province keeps on it.
type Chain struct {
	ID         int64
	Code       string // short and unique, e.g. YS; ledger projects name a node as Code/node
	Name       string
	LeaderPost string // 链长: the post of the government leader responsible
	LeadDept   string // 牵头部门 of the 专班
	Note       string
	Rules      chain.Rules
	Nodes      []chain.Node
	Members    []ChainMember
	Tasks      []ChainTask
	Keys       []ChainKey
	Leads      []ChainLead
	Excellent  []ChainExcellent
	Places     []string // the counties (or prefecture-level places) whose key chain it is
	Supply     []ChainSupply
	UpdatedAt  time.Time
	UpdatedBy  string
}

// Map returns the chain as the weak-link rules read it.
func (c *Chain) Map() *chain.Chain { return &chain.Chain{Code: c.Code, Nodes: c.Nodes, Rules: c.Rules} }

// ChainMember is a user of the chain's 专班 and her duty in it.
type ChainMember struct {
	Username string `json:"username"`
	Duty     string `json:"duty"`
}

// The statuses of an annual task.
const (
	TaskOpen   = "未开始"
	TaskActive = "推进中"
	TaskDone   = "已完成"
)

// ChainTask is one of a chain's annual tasks.
type ChainTask struct {
	Year   int    `json:"year"`
	Title  string `json:"title"`
	Status string `json:"status"` // TaskOpen, TaskActive or TaskDone
	Note   string `json:"note"`
}

// The kinds of a chain's keys.
const (
	ChainKeyProject    = "project"    // a key project: Ref is its 项目编号
	ChainKeyEnterprise = "enterprise" // a key enterprise: Ref is its USCC
	ChainKeyRegion     = "region"     // an assigned source region (招商目标区域): Name only
)

// ChainKey is a chain's key project, key enterprise or source region.
type ChainKey struct {
	Kind string `json:"kind"`
	Ref  string `json:"ref"`
	Name string `json:"name"`
}

// ChainLead is a 链主 enterprise with the year it was named.
type ChainLead struct {
	USCC      string `json:"uscc"`
	Name      string `json:"name"`
	County    string `json:"county"`
	NamedYear int    `json:"named_year"`
}

// ChainExcellent is an entry of a year's excellent-链主 list.
type ChainExcellent struct {
	Year int    `json:"year"`
	USCC string `json:"uscc"`
	Name string `json:"name"`
}

// ChainSupply is a reported 本地配套率 of a node in a place and year.
type ChainSupply struct {
	Node  string  `json:"node"`
	Place string  `json:"place"`
	Year  int     `json:"year"`
	Ratio float64 `json:"ratio"`
}

// check returns every problem of c: its code and name, its map and rules
// (chain.Chain.Validate), task statuses, keys, 链主 codes and years.
func (c *Chain) check() error {
	var errs []any // locale.Message, or chain.Validate's error
	if c.Code = strings.TrimSpace(c.Code); c.Code == "" || strings.ContainsAny(c.Code, "/ ,") {
		errs = append(errs, locale.M("store.chain.code", c.Code))
	}
	if strings.TrimSpace(c.Name) == "" {
		errs = append(errs, locale.M("store.chain.noName"))
	}
	if err := c.Map().Validate(); err != nil {
		errs = append(errs, err)
	}
	nodes := map[string]bool{}
	for _, n := range c.Nodes {
		nodes[n.Code] = true
	}
	for _, t := range c.Tasks {
		if t.Status != TaskOpen && t.Status != TaskActive && t.Status != TaskDone || t.Year < 2000 || t.Title == "" {
			errs = append(errs, locale.M("store.chain.task", t.Title, t.Year, TaskOpen, TaskActive, TaskDone))
		}
	}
	for _, k := range c.Keys {
		if k.Kind != ChainKeyProject && k.Kind != ChainKeyEnterprise && k.Kind != ChainKeyRegion || k.Name == "" {
			errs = append(errs, locale.M("store.chain.key", k.Name, k.Kind))
		}
	}
	for _, l := range c.Leads {
		if l.USCC == "" || l.Name == "" || l.NamedYear < 2000 {
			errs = append(errs, locale.M("store.chain.leadFields", "链主", l.Name))
		}
	}
	for _, s := range c.Supply {
		if !nodes[s.Node] || s.Ratio < 0 || s.Ratio > 1 || s.Place == "" {
			errs = append(errs, locale.M("store.chain.supplyRatio", "本地配套率", s.Node, s.Place))
		}
	}
	if len(errs) > 0 {
		return refuse(ErrInvalid, "store.chain.problems", problems{term{"\n", "\n"}, errs})
	}
	return nil
}

// SaveChain creates the chain c.Code or replaces it as a whole (its map,
// rules, 专班, tasks, keys, 链主, lists, places and supply ratios), all or
// nothing, audited; it returns the chain's id. A node that targets or
// projects stand on may be renamed but not removed.
func (db *DB) SaveChain(ctx context.Context, actor Actor, c Chain) (id int64, err error) {
	defer wrap(&err, "SaveChain(%s)", c.Code)
	if err := c.check(); err != nil {
		return 0, err
	}
	err = db.change(ctx, actor, func(t *txn) error {
		err := t.QueryRow(`SELECT id FROM chains WHERE code = $1`, c.Code).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			err = t.QueryRow(`INSERT INTO chains (code, name, leader_post, lead_dept, min_local, need_pipeline, min_supply, note,
				updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`, c.Code, c.Name, c.LeaderPost,
				c.LeadDept, c.Rules.MinLocal, c.Rules.NeedPipeline, c.Rules.MinSupply, c.Note, t.now, t.actor.Username).Scan(&id)
		case err == nil:
			_, err = t.Exec(`UPDATE chains SET name = $2, leader_post = $3, lead_dept = $4, min_local = $5, need_pipeline = $6,
				min_supply = $7, note = $8, updated_at = $9, updated_by = $10 WHERE id = $1`, id, c.Name, c.LeaderPost, c.LeadDept,
				c.Rules.MinLocal, c.Rules.NeedPipeline, c.Rules.MinSupply, c.Note, t.now, t.actor.Username)
		}
		if err != nil {
			return err
		}
		if err := t.checkNodesInUse(id, c); err != nil {
			return err
		}
		if err := t.replaceChainRows(id, c); err != nil {
			return err
		}
		return t.audit("save", "chain", c.Code, map[string]any{"name": c.Name, "nodes": len(c.Nodes), "tasks": len(c.Tasks),
			"leads": len(c.Leads), "members": len(c.Members)})
	})
	return id, err
}

// checkNodesInUse refuses to remove a node that a target stands on.
func (t *txn) checkNodesInUse(id int64, c Chain) error {
	keep := map[string]bool{}
	for _, n := range c.Nodes {
		keep[n.Code] = true
	}
	rows, err := t.Query(`SELECT DISTINCT node FROM chain_targets WHERE chain_id = $1 ORDER BY node`, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return err
		}
		if !keep[n] {
			return refuse(ErrConflict, "store.chain.nodeInUse", n)
		}
	}
	return rows.Err()
}

// replaceChainRows replaces the rows of chain id's parts with c's.
func (t *txn) replaceChainRows(id int64, c Chain) error {
	for _, table := range []string{"chain_nodes", "chain_members", "chain_tasks", "chain_keys", "chain_leads",
		"chain_excellent", "chain_places", "chain_supply"} {
		if _, err := t.Exec(`DELETE FROM `+table+` WHERE chain_id = $1`, id); err != nil {
			return err
		}
	}
	for i, n := range c.Nodes {
		if _, err := t.Exec(`INSERT INTO chain_nodes (chain_id, position, code, name, segment, industries, inputs)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, id, i+1, n.Code, n.Name, string(n.Segment), strings.Join(n.Industries, ","),
			strings.Join(n.Inputs, ",")); err != nil {
			return err
		}
	}
	for _, m := range c.Members {
		if _, err := t.Exec(`INSERT INTO chain_members (chain_id, username, duty) VALUES ($1, $2, $3)`, id, m.Username, m.Duty); err != nil {
			return refuse(ErrInvalid, "store.chain.member", "专班", m.Username, err)
		}
	}
	for _, k := range c.Tasks {
		if _, err := t.Exec(`INSERT INTO chain_tasks (chain_id, year, title, status, note) VALUES ($1, $2, $3, $4, $5)`,
			id, k.Year, k.Title, k.Status, k.Note); err != nil {
			return err
		}
	}
	for i, k := range c.Keys {
		if _, err := t.Exec(`INSERT INTO chain_keys (chain_id, kind, position, ref, name) VALUES ($1, $2, $3, $4, $5)`,
			id, k.Kind, i+1, k.Ref, k.Name); err != nil {
			return err
		}
	}
	for _, l := range c.Leads {
		if _, err := t.Exec(`INSERT INTO chain_leads (chain_id, uscc, name, county, named_year) VALUES ($1, $2, $3, $4, $5)`,
			id, l.USCC, l.Name, l.County, l.NamedYear); err != nil {
			return refuse(ErrInvalid, "store.chain.lead", "链主", l.USCC, err)
		}
	}
	for _, e := range c.Excellent {
		if _, err := t.Exec(`INSERT INTO chain_excellent (chain_id, year, uscc, name) VALUES ($1, $2, $3, $4)`,
			id, e.Year, e.USCC, e.Name); err != nil {
			return refuse(ErrInvalid, "store.chain.excellent", "链主", e.USCC, e.Year, err)
		}
	}
	for _, p := range c.Places {
		if _, err := t.Exec(`INSERT INTO chain_places (chain_id, county) VALUES ($1, $2)`, id, p); err != nil {
			return refuse(ErrInvalid, "store.chain.place", p, err)
		}
	}
	for _, s := range c.Supply {
		if _, err := t.Exec(`INSERT INTO chain_supply (chain_id, node, place, year, ratio) VALUES ($1, $2, $3, $4, $5)`,
			id, s.Node, s.Place, s.Year, s.Ratio); err != nil {
			return refuse(ErrInvalid, "store.chain.supply", "本地配套率", s.Node, s.Place, s.Year, err)
		}
	}
	return nil
}

const chainColumns = `id, code, name, leader_post, lead_dept, min_local, need_pipeline, min_supply, note, updated_at, updated_by`

func scanChain(s interface{ Scan(...any) error }) (c Chain, err error) {
	err = s.Scan(&c.ID, &c.Code, &c.Name, &c.LeaderPost, &c.LeadDept, &c.Rules.MinLocal, &c.Rules.NeedPipeline,
		&c.Rules.MinSupply, &c.Note, &c.UpdatedAt, &c.UpdatedBy)
	c.UpdatedAt = c.UpdatedAt.UTC()
	return c, err
}

// Chains returns every chain with its nodes, members, 链主, places and
// supply ratios (not its tasks, keys and lists), by code.
func (db *DB) Chains(ctx context.Context) (cs []Chain, err error) {
	defer wrap(&err, "Chains")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+chainColumns+` FROM chains ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanChain(rows)
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for i := range cs {
		if err := db.chainParts(ctx, &cs[i], false); err != nil {
			return nil, err
		}
	}
	return cs, nil
}

// ChainByID returns chain id with all its parts.
func (db *DB) ChainByID(ctx context.Context, id int64) (c Chain, err error) {
	defer wrap(&err, "ChainByID(%d)", id)
	return db.chainWhere(ctx, `id = $1`, id)
}

// ChainByCode returns the chain of code with all its parts.
func (db *DB) ChainByCode(ctx context.Context, code string) (c Chain, err error) {
	defer wrap(&err, "ChainByCode(%s)", code)
	return db.chainWhere(ctx, `code = $1`, code)
}

func (db *DB) chainWhere(ctx context.Context, where string, arg any) (Chain, error) {
	c, err := scanChain(db.sql.QueryRowContext(ctx, `SELECT `+chainColumns+` FROM chains WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return c, refuse(ErrNotFound, "store.chain.notFound", arg)
	}
	if err != nil {
		return c, err
	}
	return c, db.chainParts(ctx, &c, true)
}

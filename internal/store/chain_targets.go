package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/invest"
)

// ChainTarget is a target enterprise (目标企业) of a chain's node, pursued
// by a county: 识别 → 联系 → 拜访 → 洽谈 → 签约. A signed target names the
// ledger project it became, and the project names the target's chain and
// node (invest.Project.ChainNode): the link goes both ways.
type ChainTarget struct {
	ID        int64
	ChainID   int64
	ChainCode string
	ChainName string
	Node      string
	County    string // the county pursuing it
	Name      string
	USCC      string
	Location  string // where the enterprise is: a division code, 2 letters abroad, or words
	Status    chain.Status
	Officer   string
	ProjectID string     // the ledger project, once signed
	SignedDay invest.Day // 0 until signed
	Lists     []string   // the size lists it is on (世界500强 …), from the imported lists
	CreatedAt time.Time
	CreatedBy string
	Notes     []ChainTargetNote // ChainTarget only
	Contacts  []InvestContact   // ChainTarget only: the first-contact register's entries of its USCC, first first
}

// ChainTargetNote is a dated note on a target, with the move it records.
type ChainTargetNote struct {
	Day      invest.Day
	From, To chain.Status
	Note     string
	Officer  string
	At       time.Time
	By       string
}

// Signing is the ledger project a target becomes when signed: a new one,
// or (Existing) a current project the county has reported already, which
// must then stand on the target's chain and node.
type Signing struct {
	ProjectID string
	Name      string
	Zone      string
	Amount    invest.Amount
	Existing  bool
}

const chainTargetColumns = `id, chain_id, node, county, name, uscc, location, status, officer, project_id, signed_day,
	created_at, created_by`

// AddChainTarget records a target enterprise of node of chain chainID at
// 识别, with its first note; audited. A given USCC must be valid.
func (db *DB) AddChainTarget(ctx context.Context, actor Actor, tg ChainTarget, day invest.Day, note string) (out ChainTarget, err error) {
	defer wrap(&err, "AddChainTarget(%s)", tg.Name)
	tg.USCC = strings.ToUpper(strings.TrimSpace(tg.USCC))
	tg.Name = strings.TrimSpace(tg.Name)
	switch {
	case tg.Name == "":
		return tg, refuse(ErrInvalid, "store.target.name")
	case tg.USCC != "" && !invest.ValidUSCC(tg.USCC):
		return tg, refuse(ErrInvalid, "store.target.uscc", tg.USCC, "统一社会信用代码")
	case len(tg.County) != 6 || !strings.HasPrefix(tg.County, invest.Province[:2]):
		return tg, refuse(ErrInvalid, "store.target.county", tg.County)
	case day == 0:
		return tg, refuse(ErrInvalid, "store.target.identified")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		var n int
		if err := t.QueryRow(`SELECT COUNT(*) FROM chain_nodes WHERE chain_id = $1 AND code = $2`, tg.ChainID, tg.Node).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return refuse(ErrInvalid, "store.target.node", tg.ChainID, tg.Node)
		}
		tg.Status, tg.CreatedAt, tg.CreatedBy = chain.StatusFound, t.now, t.actor.Username
		if err := t.QueryRow(`INSERT INTO chain_targets (chain_id, node, county, name, uscc, location, status, officer,
			project_id, signed_day, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', 0, $9, $10) RETURNING id`,
			tg.ChainID, tg.Node, tg.County, tg.Name, tg.USCC, tg.Location, string(tg.Status), tg.Officer, t.now,
			t.actor.Username).Scan(&tg.ID); err != nil {
			return err
		}
		if err := t.targetNote(tg.ID, day, "", tg.Status, note, tg.Officer); err != nil {
			return err
		}
		return t.audit("add", "chain_target", fmt.Sprint(tg.ID), map[string]any{"chain": tg.ChainID, "node": tg.Node,
			"county": tg.County, "name": tg.Name, "uscc": tg.USCC})
	})
	return tg, err
}

func (t *txn) targetNote(id int64, day invest.Day, from, to chain.Status, note, officer string) error {
	_, err := t.Exec(`INSERT INTO chain_target_notes (target_id, day, from_status, to_status, note, officer, noted_at, by_user)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, int(day), string(from), string(to), note, officer, t.now, t.actor.Username)
	return err
}

// MoveChainTarget moves target id to status to on day with a note and the
// officer (chain.CheckMove), in one audited transaction. The first move
// past 识别 of a target with a USCC enters the first-contact register
// (首报首谈) for its county. Moving to 签约 needs s: the target becomes the
// ledger project s.ProjectID (a new one, at 签约 on day, on the target's
// chain and node, its investor the target), and the target names it.
func (db *DB) MoveChainTarget(ctx context.Context, actor Actor, id int64, to chain.Status, day invest.Day, note, officer string,
	s *Signing) (err error) {
	defer wrap(&err, "MoveChainTarget(%d, %s)", id, to)
	if day == 0 {
		return refuse(ErrInvalid, "store.target.moveDay")
	}
	if to == chain.StatusSigned && (s == nil || strings.TrimSpace(s.ProjectID) == "" || !s.Existing && strings.TrimSpace(s.Name) == "") {
		return refuse(ErrInvalid, "store.target.signed", "项目编号")
	}
	return db.change(ctx, actor, func(t *txn) error {
		tg, err := scanChainTarget(t.QueryRow(`SELECT `+chainTargetColumns+` FROM chain_targets WHERE id = $1`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return refuse(ErrNotFound, "store.target.notFound", id)
		}
		if err != nil {
			return err
		}
		if err := chain.CheckMove(tg.Status, to); err != nil {
			return refuse(ErrConflict, "store.target.move", err)
		}
		if officer == "" {
			officer = tg.Officer
		}
		if tg.Status == chain.StatusFound && tg.USCC != "" {
			if _, _, err := t.registerInvestContact(InvestContact{InvestorCode: tg.USCC, Investor: tg.Name, County: tg.County,
				Day: day, Note: "目标企业 " + string(to)}); err != nil {
				return err
			}
		}
		projectID, signed := "", 0
		if to == chain.StatusSigned {
			if projectID, err = t.signTarget(tg, day, s); err != nil {
				return err
			}
			signed = int(day)
		}
		if _, err := t.Exec(`UPDATE chain_targets SET status = $2, officer = $3, project_id = $4, signed_day = $5 WHERE id = $1`,
			id, string(to), officer, projectID, signed); err != nil {
			return err
		}
		if err := t.targetNote(id, day, tg.Status, to, note, officer); err != nil {
			return err
		}
		return t.audit("move", "chain_target", fmt.Sprint(id), map[string]any{"from": tg.Status, "to": to,
			"day": day.String(), "project": projectID})
	})
}

// signTarget records the ledger project target tg becomes, or checks the
// existing one it names.
func (t *txn) signTarget(tg ChainTarget, day invest.Day, s *Signing) (string, error) {
	var code string
	if err := t.QueryRow(`SELECT code FROM chains WHERE id = $1`, tg.ChainID).Scan(&code); err != nil {
		return "", err
	}
	var node, county string
	err := t.QueryRow(`SELECT chain_node, county FROM invest_projects WHERE project_id = $1 AND superseded_by IS NULL`,
		s.ProjectID).Scan(&node, &county)
	switch {
	case s.Existing && errors.Is(err, sql.ErrNoRows):
		return "", refuse(ErrInvalid, "store.target.noProject", s.ProjectID)
	case s.Existing && err == nil:
		if node != code+"/"+tg.Node || county != tg.County {
			return "", refuse(ErrConflict, "store.target.projectElsewhere", s.ProjectID, code, tg.Node, tg.County)
		}
		return s.ProjectID, nil
	case err == nil:
		return "", refuse(ErrConflict, "store.target.projectExists", s.ProjectID)
	case !errors.Is(err, sql.ErrNoRows):
		return "", err
	}
	loc := tg.Location
	if !isLocation(loc) {
		loc = ""
	}
	p := invest.Project{ID: strings.TrimSpace(s.ProjectID), Name: s.Name, County: tg.County, Zone: s.Zone, Investor: tg.Name,
		InvestorCode: tg.USCC, InvestorLoc: loc, Signed: day, Amount: s.Amount, Stage: invest.StageSigned,
		ChainNode: code + "/" + tg.Node}
	if _, err := t.importInvestProjects(RevisionNote{Kind: "invest-projects", Source: "chain-target",
		Note: fmt.Sprintf("目标企业 %d 签约", tg.ID)}, []invest.Project{p}); err != nil {
		return "", err
	}
	return p.ID, nil
}

// isLocation reports whether s is a 投资方所在地: a 6-digit division code
// or 2 letters.
func isLocation(s string) bool {
	if len(s) == 2 {
		return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
	}
	if len(s) != 6 {
		return false
	}
	for i := range 6 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func scanChainTarget(s interface{ Scan(...any) error }) (tg ChainTarget, err error) {
	var status string
	err = s.Scan(&tg.ID, &tg.ChainID, &tg.Node, &tg.County, &tg.Name, &tg.USCC, &tg.Location, &status, &tg.Officer,
		&tg.ProjectID, &tg.SignedDay, &tg.CreatedAt, &tg.CreatedBy)
	tg.Status, tg.CreatedAt = chain.Status(status), tg.CreatedAt.UTC()
	return tg, err
}

// ChainTargetFilter selects targets: of a chain (0: any), of a node (""
// any), of the counties Covers accepts (nil: all).
type ChainTargetFilter struct {
	ChainID int64
	Node    string
	Covers  func(county string) bool
}

// ChainTargets returns the targets f selects, with their chain and size
// lists, by chain code, node and id.
func (db *DB) ChainTargets(ctx context.Context, f ChainTargetFilter) (ts []ChainTarget, err error) {
	defer wrap(&err, "ChainTargets")
	q := `SELECT ` + prefixed("t.", chainTargetColumns) + `, c.code, c.name FROM chain_targets t JOIN chains c ON c.id = t.chain_id
		WHERE ($1 = 0 OR t.chain_id = $1) AND ($2 = '' OR t.node = $2) ORDER BY c.code, t.node, t.id`
	rows, err := db.sql.QueryContext(ctx, q, f.ChainID, f.Node)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var tg ChainTarget
		var status string
		if err := rows.Scan(&tg.ID, &tg.ChainID, &tg.Node, &tg.County, &tg.Name, &tg.USCC, &tg.Location, &status, &tg.Officer,
			&tg.ProjectID, &tg.SignedDay, &tg.CreatedAt, &tg.CreatedBy, &tg.ChainCode, &tg.ChainName); err != nil {
			return nil, err
		}
		tg.Status, tg.CreatedAt = chain.Status(status), tg.CreatedAt.UTC()
		if f.Covers == nil || f.Covers(tg.County) {
			ts = append(ts, tg)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	lists, err := db.sizeLists(ctx)
	if err != nil {
		return nil, err
	}
	for i := range ts {
		ts[i].Lists = lists.of(ts[i].USCC, ts[i].Name)
	}
	return ts, nil
}

// ChainTarget returns target id with its chain, lists, notes (oldest
// first) and the first-contact register's entries of its USCC.
func (db *DB) ChainTarget(ctx context.Context, id int64) (tg ChainTarget, err error) {
	defer wrap(&err, "ChainTarget(%d)", id)
	tg, err = scanChainTarget(db.sql.QueryRowContext(ctx, `SELECT `+chainTargetColumns+` FROM chain_targets WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return tg, refuse(ErrNotFound, "store.target.notFound", id)
	}
	if err != nil {
		return tg, err
	}
	if err := db.sql.QueryRowContext(ctx, `SELECT code, name FROM chains WHERE id = $1`, tg.ChainID).Scan(&tg.ChainCode, &tg.ChainName); err != nil {
		return tg, err
	}
	lists, err := db.sizeLists(ctx)
	if err != nil {
		return tg, err
	}
	tg.Lists = lists.of(tg.USCC, tg.Name)
	rows, err := db.sql.QueryContext(ctx, `SELECT day, from_status, to_status, note, officer, noted_at, by_user
		FROM chain_target_notes WHERE target_id = $1 ORDER BY id`, id)
	if err != nil {
		return tg, err
	}
	defer rows.Close()
	for rows.Next() {
		var n ChainTargetNote
		var from, to string
		if err := rows.Scan(&n.Day, &from, &to, &n.Note, &n.Officer, &n.At, &n.By); err != nil {
			return tg, err
		}
		n.From, n.To, n.At = chain.Status(from), chain.Status(to), n.At.UTC()
		tg.Notes = append(tg.Notes, n)
	}
	if err := rows.Err(); err != nil {
		return tg, err
	}
	rows.Close()
	if tg.USCC != "" {
		tg.Contacts, err = db.investContactsOfCode(ctx, tg.USCC)
	}
	return tg, err
}

// investContactsOfCode returns the register's entries of an investor's
// code, the first contact first.
func (db *DB) investContactsOfCode(ctx context.Context, code string) (cs []InvestContact, err error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, investor_code, investor, county, day, note, noted_at, by_user
		FROM invest_contacts WHERE investor_code = $1 ORDER BY day, id`, code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c InvestContact
		if err := rows.Scan(&c.ID, &c.InvestorCode, &c.Investor, &c.County, &c.Day, &c.Note, &c.At, &c.By); err != nil {
			return nil, err
		}
		c.At = c.At.UTC()
		cs = append(cs, c)
	}
	return cs, rows.Err()
}

// ChainTargetOfProject returns the target that became ledger project
// projectID (the link back), or ErrNotFound.
func (db *DB) ChainTargetOfProject(ctx context.Context, projectID string) (tg ChainTarget, err error) {
	defer wrap(&err, "ChainTargetOfProject(%s)", projectID)
	var id int64
	err = db.sql.QueryRowContext(ctx, `SELECT id FROM chain_targets WHERE project_id = $1 AND project_id <> ''`, projectID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return tg, refuse(ErrNotFound, "store.target.noneBecame", projectID)
	}
	if err != nil {
		return tg, err
	}
	return db.ChainTarget(ctx, id)
}

// SizeListEntry is an enterprise on an imported size list.
type SizeListEntry struct {
	Position int
	Name     string
	USCC     string
}

// ReplaceSizeList replaces list's entries of year (chain.SizeLists names
// the lists), all or nothing; audited.
func (db *DB) ReplaceSizeList(ctx context.Context, actor Actor, list string, year int, es []SizeListEntry) (err error) {
	defer wrap(&err, "ReplaceSizeList(%s, %d)", list, year)
	if !slices.Contains(chain.SizeLists, list) || year < 1990 {
		return refuse(ErrInvalid, "store.sizeList.name", list, year, strings.Join(chain.SizeLists, ", "))
	}
	return db.change(ctx, actor, func(t *txn) error {
		if _, err := t.Exec(`DELETE FROM size_lists WHERE list_name = $1 AND year = $2`, list, year); err != nil {
			return err
		}
		for _, e := range es {
			if _, err := t.Exec(`INSERT INTO size_lists (list_name, year, position, name, uscc) VALUES ($1, $2, $3, $4, $5)`,
				list, year, e.Position, e.Name, strings.ToUpper(e.USCC)); err != nil {
				return refuse(ErrInvalid, "store.sizeList.entry", e.Position, e.Name, err)
			}
		}
		return t.audit("replace", "size_list", fmt.Sprintf("%s/%d", list, year), map[string]any{"entries": len(es)})
	})
}

// sizeIndex finds the lists an enterprise is on by its code or its name,
// on the newest year of each list.
type sizeIndex map[string][]string

func (x sizeIndex) of(uscc, name string) []string {
	var out []string
	for _, k := range []string{"c:" + uscc, "n:" + name} {
		for _, l := range x[k] {
			if (uscc != "" || k[0] == 'n') && !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	slices.SortFunc(out, func(a, b string) int { return slices.Index(chain.SizeLists, a) - slices.Index(chain.SizeLists, b) })
	return out
}

func (db *DB) sizeLists(ctx context.Context) (sizeIndex, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT s.list_name, s.name, s.uscc FROM size_lists s
		WHERE s.year = (SELECT MAX(o.year) FROM size_lists o WHERE o.list_name = s.list_name)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	x := sizeIndex{}
	for rows.Next() {
		var list, name, uscc string
		if err := rows.Scan(&list, &name, &uscc); err != nil {
			return nil, err
		}
		x["n:"+name] = append(x["n:"+name], list)
		if uscc != "" {
			x["c:"+uscc] = append(x["c:"+uscc], list)
		}
	}
	return x, rows.Err()
}

package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"chain.editTitle":   {"编辑产业链", "Edit a chain"},
		"chain.code":        {"链代码", "Code"},
		"chain.minLocal":    {"最少本地企业数", "Minimum local firms"},
		"chain.needPipe":    {"须有在谈在建项目", "Needs a pipeline project"},
		"chain.minSupply":   {"本地配套率下限（0–1）", "Local supply floor (0–1)"},
		"chain.note":        {"说明", "Note"},
		"chain.save":        {"保存", "Save"},
		"chain.linesHelp":   {"每行一项，各栏以“|”分隔。", "One item a line, fields separated by “|”."},
		"chain.f.nodes":     {"节点：代码 | 名称 | 上游/中游/下游 | 行业代码（逗号分隔） | 上游节点（逗号分隔）", "Nodes: code | name | 上游/中游/下游 | industry codes (commas) | inputs (commas)"},
		"chain.f.members":   {"专班成员：登录名 | 职责，以分号分隔", "Task force: login | duty, separated by semicolons"},
		"chain.f.tasks":     {"年度任务：年度 | 任务 | 未开始/推进中/已完成 | 备注", "Annual tasks: year | task | 未开始/推进中/已完成 | note"},
		"chain.f.keys":      {"重点项目、企业与目标区域：重点项目/重点企业/目标区域 | 编号或代码 | 名称", "Keys: 重点项目/重点企业/目标区域 (project, enterprise, region) | id or code | name"},
		"chain.f.leads":     {"链主：统一社会信用代码 | 名称 | 所在县区代码 | 认定年度", "Lead enterprises: USCC | name | county code | year named"},
		"chain.f.excellent": {"优秀链主：年度 | 统一社会信用代码 | 名称", "Excellent lead enterprises: year | USCC | name"},
		"chain.f.places":    {"重点县区（区划代码，空格或逗号分隔）", "Key counties (division codes, spaces or commas)"},
		"chain.f.supply":    {"本地配套率：节点 | 地点代码 | 年度 | 比率", "Local supply ratios: node | place code | year | ratio"},
	})
}

// chainEditView is the data of the chain editor.
type chainEditView struct {
	Chain                                                         store.Chain
	New                                                           bool
	Nodes, Members, Tasks, Keys, Leads, Excellent, Places, Supply string
	Error                                                         string
}

// chainNew is GET /invest/chains/new: the editor of a new chain, for the
// province.
func (s *Server) chainNew(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if !auth.CanChain(c.principal(), auth.Write, auth.ChainTeam{}) {
		return deny(c, "create chains")
	}
	v := chainEditView{New: true, Chain: store.Chain{Rules: chain.DefaultRules}}
	s.render(w, r, http.StatusOK, "chain_edit", v)
	return nil
}

// chainEdit is GET /invest/chains/{id}/edit: the editor, for the chain's
// 专班 and the province.
func (s *Server) chainEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := chainID(r.PathValue("id"))
	if err != nil {
		return err
	}
	ch, err := s.db.ChainByID(r.Context(), id)
	if err != nil {
		return err
	}
	c := callerOf(r)
	if !auth.CanChain(c.principal(), auth.Write, chainTeam(&ch)) {
		return deny(c, "edit chain "+ch.Code)
	}
	s.render(w, r, http.StatusOK, "chain_edit", chainEditForm(ch))
	return nil
}

// chainEditForm writes ch's parts as the editor's lines.
func chainEditForm(ch store.Chain) chainEditView {
	v := chainEditView{Chain: ch}
	var b strings.Builder
	line := func(dst *string, fields ...any) {
		b.Reset()
		for i, f := range fields {
			if i > 0 {
				b.WriteString(" | ")
			}
			fmt.Fprint(&b, f)
		}
		*dst += b.String() + "\n"
	}
	for _, n := range ch.Nodes {
		line(&v.Nodes, n.Code, n.Name, n.Segment, strings.Join(n.Industries, ","), strings.Join(n.Inputs, ","))
	}
	var ms []string
	for _, m := range ch.Members {
		ms = append(ms, m.Username+" | "+m.Duty)
	}
	v.Members = strings.Join(ms, "; ")
	for _, t := range ch.Tasks {
		line(&v.Tasks, t.Year, t.Title, t.Status, t.Note)
	}
	for _, k := range ch.Keys {
		line(&v.Keys, keyWords[k.Kind], k.Ref, k.Name)
	}
	for _, l := range ch.Leads {
		line(&v.Leads, l.USCC, l.Name, l.County, l.NamedYear)
	}
	for _, e := range ch.Excellent {
		line(&v.Excellent, e.Year, e.USCC, e.Name)
	}
	v.Places = strings.Join(ch.Places, " ")
	for _, s := range ch.Supply {
		line(&v.Supply, s.Node, s.Place, s.Year, s.Ratio)
	}
	return v
}

// chainSave is POST /invest/chains: the editor's form, saved as a whole
// (store.SaveChain); a known code is edited by its 专班 and the province, a
// new one created by the province. A refused form comes back with its
// problem and what was typed.
func (s *Server) chainSave(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	ch, perr := chainFromForm(r)
	team := auth.ChainTeam{}
	old, err := s.db.ChainByCode(r.Context(), ch.Code)
	switch {
	case err == nil:
		team = chainTeam(&old)
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	if !auth.CanChain(c.principal(), auth.Write, team) {
		return deny(c, "save chain "+ch.Code)
	}
	var id int64
	if perr == nil {
		id, perr = s.db.SaveChain(r.Context(), c.actor(), ch)
	}
	if perr != nil {
		if !errors.Is(perr, store.ErrInvalid) && !errors.Is(perr, store.ErrConflict) && !errors.Is(perr, errForm) {
			return perr
		}
		v := chainEditView{Chain: ch, New: old.ID == 0, Error: perr.Error()}
		for _, f := range []struct {
			dst  *string
			name string
		}{{&v.Nodes, "nodes"}, {&v.Members, "members"}, {&v.Tasks, "tasks"}, {&v.Keys, "keys"}, {&v.Leads, "leads"},
			{&v.Excellent, "excellent"}, {&v.Places, "places"}, {&v.Supply, "supply"}} {
			*f.dst = r.PostFormValue(f.name)
		}
		s.render(w, r, http.StatusUnprocessableEntity, "chain_edit", v)
		return nil
	}
	http.Redirect(w, r, fmt.Sprintf("/invest/chains/%d", id), http.StatusSeeOther)
	return nil
}

// keyWords are the kinds of a chain's keys as the editor writes them.
var keyWords = map[string]string{store.ChainKeyProject: "重点项目", store.ChainKeyEnterprise: "重点企业", store.ChainKeyRegion: "目标区域"}

// errForm marks a problem of the editor's lines.
var errForm = errors.New("form")

// chainFromForm reads the editor's form.
func chainFromForm(r *http.Request) (store.Chain, error) {
	f := func(name string) string { return strings.TrimSpace(r.PostFormValue(name)) }
	ch := store.Chain{Code: f("code"), Name: f("name"), LeaderPost: f("leader_post"), LeadDept: f("lead_dept"), Note: f("note")}
	var errs []error
	num := func(name string, dst *int) {
		n, err := strconv.Atoi(f(name))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s %q", name, f(name)))
		}
		*dst = n
	}
	num("min_local", &ch.Rules.MinLocal)
	ch.Rules.NeedPipeline = f("need_pipeline") != ""
	if s := f("min_supply"); s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			errs = append(errs, fmt.Errorf("min_supply %q", s))
		}
		ch.Rules.MinSupply = v
	}
	each := func(name string, n int, fn func(fs []string) error) {
		text := r.PostFormValue(name)
		if name == "members" {
			text = strings.NewReplacer(";", "\n", "；", "\n").Replace(text)
		}
		for i, l := range strings.Split(text, "\n") {
			if strings.TrimSpace(l) == "" {
				continue
			}
			fs := strings.Split(l, "|")
			for j := range fs {
				fs[j] = strings.TrimSpace(fs[j])
			}
			for len(fs) < n {
				fs = append(fs, "")
			}
			if err := fn(fs); err != nil {
				errs = append(errs, fmt.Errorf("%s %d: %v", name, i+1, err))
			}
		}
	}
	list := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' })
	}
	each("nodes", 5, func(fs []string) error {
		ch.Nodes = append(ch.Nodes, chain.Node{Code: fs[0], Name: fs[1], Segment: chain.Segment(fs[2]),
			Industries: list(strings.ToUpper(fs[3])), Inputs: list(fs[4])})
		return nil
	})
	each("members", 2, func(fs []string) error {
		ch.Members = append(ch.Members, store.ChainMember{Username: fs[0], Duty: fs[1]})
		return nil
	})
	each("tasks", 4, func(fs []string) error {
		y, err := strconv.Atoi(fs[0])
		ch.Tasks = append(ch.Tasks, store.ChainTask{Year: y, Title: fs[1], Status: fs[2], Note: fs[3]})
		return err
	})
	each("keys", 3, func(fs []string) error {
		kind := fs[0]
		for k, w := range keyWords {
			if fs[0] == w {
				kind = k
			}
		}
		ch.Keys = append(ch.Keys, store.ChainKey{Kind: kind, Ref: fs[1], Name: fs[2]})
		return nil
	})
	each("leads", 4, func(fs []string) error {
		y, err := strconv.Atoi(fs[3])
		ch.Leads = append(ch.Leads, store.ChainLead{USCC: strings.ToUpper(fs[0]), Name: fs[1], County: fs[2], NamedYear: y})
		return err
	})
	each("excellent", 3, func(fs []string) error {
		y, err := strconv.Atoi(fs[0])
		ch.Excellent = append(ch.Excellent, store.ChainExcellent{Year: y, USCC: strings.ToUpper(fs[1]), Name: fs[2]})
		return err
	})
	ch.Places = list(f("places"))
	each("supply", 4, func(fs []string) error {
		y, err1 := strconv.Atoi(fs[2])
		v, err2 := strconv.ParseFloat(fs[3], 64)
		ch.Supply = append(ch.Supply, store.ChainSupply{Node: fs[0], Place: fs[1], Year: y, Ratio: v})
		return errors.Join(err1, err2)
	})
	if len(errs) > 0 {
		return ch, fmt.Errorf("%w: %w", errForm, errors.Join(errs...))
	}
	return ch, nil
}

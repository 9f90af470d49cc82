package web

import (
	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/store"
)

// chainNodeOut is a node in the API, with its figures when assessed.
type chainNodeOut struct {
	Code        string         `json:"code"`
	Name        string         `json:"name"`
	Segment     string         `json:"segment"`
	Industries  []string       `json:"industries"`
	Inputs      []string       `json:"inputs"`
	Enterprises *int           `json:"enterprises,omitempty"`
	Output      *float64       `json:"output,omitempty"`
	Pipeline    *int           `json:"pipeline,omitempty"`
	Supply      *float64       `json:"supply_ratio,omitempty"`
	Weak        *bool          `json:"weak,omitempty"`
	Reasons     []chain.Reason `json:"reasons,omitempty"`
}

// chainOut is a chain in the API (the JSON of POST /api/v1/chains too).
type chainOut struct {
	ID         int64                  `json:"id"`
	Code       string                 `json:"code"`
	Name       string                 `json:"name"`
	LeaderPost string                 `json:"leader_post"`
	LeadDept   string                 `json:"lead_dept"`
	Note       string                 `json:"note"`
	Rules      chainRulesOut          `json:"rules"`
	Nodes      []chainNodeOut         `json:"nodes"`
	Leads      []store.ChainLead      `json:"leads"`
	Excellent  []store.ChainExcellent `json:"excellent"`
	Tasks      []store.ChainTask      `json:"tasks"`
	Keys       []store.ChainKey       `json:"keys"`
	Places     []string               `json:"places"`
	Supply     []store.ChainSupply    `json:"supply"`
	Members    []store.ChainMember    `json:"members,omitempty"`
	Place      string                 `json:"place,omitempty"`
	Report     map[string][]string    `json:"weak_by_prefecture,omitempty"`
}

// chainRulesOut are a chain's weak-link rules in the API.
type chainRulesOut struct {
	MinLocal     int     `json:"min_local"`
	NeedPipeline bool    `json:"need_pipeline"`
	MinSupply    float64 `json:"min_supply"`
}

// chainToOut converts c; stats (in c.Nodes' order) may be nil. Members
// are given only when withMembers (they name logins).
func chainToOut(c *store.Chain, stats []chain.Stat, withMembers bool) chainOut {
	o := chainOut{ID: c.ID, Code: c.Code, Name: c.Name, LeaderPost: c.LeaderPost, LeadDept: c.LeadDept, Note: c.Note,
		Rules: chainRulesOut{c.Rules.MinLocal, c.Rules.NeedPipeline, c.Rules.MinSupply}, Leads: c.Leads,
		Excellent: c.Excellent, Tasks: c.Tasks, Keys: c.Keys, Places: c.Places, Supply: c.Supply}
	if withMembers {
		o.Members = c.Members
	}
	for i, n := range c.Nodes {
		no := chainNodeOut{Code: n.Code, Name: n.Name, Segment: string(n.Segment), Industries: n.Industries, Inputs: n.Inputs}
		if i < len(stats) {
			st := stats[i]
			p, weak := len(st.Pipeline), st.Weak()
			no.Enterprises, no.Output, no.Pipeline, no.Weak, no.Reasons = &st.Enterprises, &st.Output, &p, &weak, st.Reasons
			if st.HasSupply {
				no.Supply = &st.Supply
			}
		}
		o.Nodes = append(o.Nodes, no)
	}
	return o
}

// chainFromOut converts the JSON of a chain to save.
func chainFromOut(o chainOut) store.Chain {
	c := store.Chain{Code: o.Code, Name: o.Name, LeaderPost: o.LeaderPost, LeadDept: o.LeadDept, Note: o.Note,
		Rules: chain.Rules{MinLocal: o.Rules.MinLocal, NeedPipeline: o.Rules.NeedPipeline, MinSupply: o.Rules.MinSupply},
		Leads: o.Leads, Excellent: o.Excellent, Tasks: o.Tasks, Keys: o.Keys, Places: o.Places, Supply: o.Supply, Members: o.Members}
	for _, n := range o.Nodes {
		c.Nodes = append(c.Nodes, chain.Node{Code: n.Code, Name: n.Name, Segment: chain.Segment(n.Segment), Industries: n.Industries, Inputs: n.Inputs})
	}
	return c
}

// chainTargetOut is a target enterprise in the API.
type chainTargetOut struct {
	ID        int64    `json:"id"`
	Chain     string   `json:"chain"`
	Node      string   `json:"node"`
	County    string   `json:"county"`
	Name      string   `json:"name"`
	USCC      string   `json:"uscc"`
	Location  string   `json:"location"`
	Status    string   `json:"status"`
	Officer   string   `json:"officer"`
	ProjectID string   `json:"project_id"`
	SignedDay string   `json:"signed_day,omitempty"`
	Lists     []string `json:"lists"`
}

func chainTargetToOut(t *store.ChainTarget) chainTargetOut {
	o := chainTargetOut{ID: t.ID, Chain: t.ChainCode, Node: t.Node, County: t.County, Name: t.Name, USCC: t.USCC,
		Location: t.Location, Status: string(t.Status), Officer: t.Officer, ProjectID: t.ProjectID, Lists: t.Lists}
	if t.SignedDay != 0 {
		o.SignedDay = t.SignedDay.String()
	}
	return o
}

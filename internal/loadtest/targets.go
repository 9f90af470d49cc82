package loadtest

import "fmt"

// Pages are the targets of a standard measurement of a server with the
// demo: the pages of a published run anonymously, the county profile
// also as a county user, /confirm as that county user, and the public
// ranking API with a viewer's token.
func Pages(run int64, county, root string, c Callers) []Target {
	return []Target{
		{Name: "/", Path: "/"},
		{Name: "/rankings", Path: "/rankings"},
		{Name: "/counties/" + county, Path: "/counties/" + county},
		{Name: "/counties/" + county + " (county)", Path: "/counties/" + county, Cookie: c.CountyCookie},
		{Name: "/method", Path: "/method"},
		{Name: "/runs", Path: "/runs"},
		{Name: fmt.Sprintf("/runs/%d/robustness", run), Path: fmt.Sprintf("/runs/%d/robustness", run)},
		{Name: "/notice", Path: "/notice"},
		{Name: "/confirm (county)", Path: "/confirm", Cookie: c.CountyCookie},
		{Name: "API results (token)", Path: fmt.Sprintf("/api/v1/runs/%d/results?node=%s", run, root), Token: c.ViewerToken},
	}
}

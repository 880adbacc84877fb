# bash completion for plan(1); installed as
# /usr/share/bash-completion/completions/plan (or source it from ~/.bashrc).
# Every candidate comes from the program itself (`plan complete`, hidden from
# --help), so a new command or option completes without a change here, and
# indicator ids and units are read from the plan in the working directory.
_plan() {
  local -a words=() cands=()
  local i w line cur=${COMP_WORDS[COMP_CWORD]} strip=
  # Readline splits --format=csv at '=' (COMP_WORDBREAKS); plan gets it whole.
  for ((i = 1; i <= COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if ((${#words[@]})) && [[ $w == = && ${words[-1]} == --* && ${words[-1]} != *=* ]]; then
      words[-1]+='='
    elif ((${#words[@]})) && [[ ${COMP_WORDS[i - 1]} == = && ${words[-1]} == --*= ]]; then
      words[-1]+=$w
    else
      words+=("$w")
    fi
  done
  [[ $cur == = ]] && cur=
  local out
  out=$("${COMP_WORDS[0]}" complete -- "${words[@]}" 2>/dev/null) || return
  COMPREPLY=()
  case $out in
    :file | :dir)
      compopt -o filenames 2>/dev/null
      [[ $out == :file ]] && w=-f || w=-d
      mapfile -t COMPREPLY < <(compgen "$w" -- "$cur")
      return
      ;;
  esac
  # Readline replaces only the text after '=': offer "csv", not "--format=csv".
  [[ ${words[-1]} == --*=* ]] && strip=${words[-1]%%=*}=
  while IFS= read -r line; do
    [[ -n $line ]] || continue
    line=${line%%$'\t'*}
    cands+=("${line#"$strip"}")
  done <<<"$out"
  COMPREPLY=("${cands[@]}")
}
complete -F _plan plan

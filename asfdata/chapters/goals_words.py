"""The words of chapter 5, the goals and the report's own claims (asfdata.chapters.goals):
key -> (English, Swedish).

Key prefixes: bottom_ the summary's bottom line; goal_<goal>[_evidence|_shows|_report] a stated
goal; verdict_ the verdicts; claim_<claim>[_title|_figures|_verdict] a link the report asserts;
sens_ the sensitivity table; col_, dt_, h_, caption_ column heads, terms, headings and captions.
Quotations from the report are marked as such and keep the report's words.
"""

WORDS: dict[str, tuple[str, str]] = {
    "goals_intro": (
        "The final report states four overall aims for the initiative, names two of them again as"
        " the association's aims for its structural work, and sets an aim for the funded "
        "placements. Each aim is set beside the evidence the report gives, what the figures show "
        "and this evaluation's verdict, next to the report's own conclusion. A verdict judges "
        "what the report documents, not what the initiative caused.",
        "Slutrapporten anger fyra övergripande mål för insatsen, återkommer till två av dem som "
        "förbundets mål för det strukturinriktade arbetet och anger ett mål för de finansierade "
        "platserna. Varje mål ställs mot det underlag rapporten redovisar, vad siffrorna visar "
        "och denna utvärderings bedömning, bredvid rapportens egen slutsats. Bedömningen gäller "
        "vad rapporten dokumenterar, inte vad insatsen har orsakat.",
    ),
    "verdict_met": ("met", "uppfyllt"),
    "verdict_not_met": ("not met", "inte uppfyllt"),
    "verdict_not_shown": ("not shown by the data", "kan inte visas med underlaget"),
    "goal_knowledge": (
        "Raise knowledge of ASF among elected representatives and officials in the public sector.",
        "Öka kunskapen om ASF hos förtroendevalda och tjänstepersoner inom offentlig sektor.",
    ),
    "goal_knowledge_evidence": (
        "{informed_stated} people informed in {period} (the yearly figures add up to "
        "{informed_sum}); {trained} staff from Arbetsförmedlingen and {training_munis} "
        "municipalities trained in 2018.",
        "{informed_stated} personer fick information {period} (årsuppgifterna summerar till "
        "{informed_sum}); {trained} medarbetare från Arbetsförmedlingen och {training_munis} "
        "kommuner utbildades 2018.",
    ),
    "goal_knowledge_shows": (
        "Reach, not knowledge: the counts do not separate elected representatives from officials,"
        " and no figure measures knowledge before and after. The report says elected "
        "representatives were reached only in part.",
        "Räckvidd, inte kunskap: siffrorna skiljer inte förtroendevalda från tjänstepersoner, och"
        " ingen uppgift mäter kunskap före och efter. Rapporten anger att förtroendevalda nåddes "
        "endast delvis.",
    ),
    "goal_known": (
        "Make ASF known at an overall level among the association's member authorities.",
        "Göra ASF känt på övergripande nivå hos förbundets parter.",
    ),
    "goal_known_evidence": (
        "The mission presented in all {mysam} local Mysam groups (2016); {documents} policy "
        "documents or action plans in {document_munis} of the {munis} municipalities "
        "({document_list}).",
        "Uppdraget presenterat i länets samtliga {mysam} Mysam-grupper (2016); {documents} "
        "policydokument eller handlingsplaner i {document_munis} av de {munis} kommunerna "
        "({document_list}).",
    ),
    "goal_known_shows": (
        "The report sees the aim reflected in policy documents adopted by “most of the partners”;"
        " the documents it names come from {document_munis} of {munis} municipalities and none "
        "from Arbetsförmedlingen, Försäkringskassan or Region Gävleborg.",
        "Rapporten ser målet speglat i styr- och policydokument hos ”flertalet av parterna”; de "
        "dokument den nämner kommer från {document_munis} av {munis} kommuner och inget från "
        "Arbetsförmedlingen, Försäkringskassan eller Region Gävleborg.",
    ),
    "goal_structures": (
        "Contribute to sustainable support structures for ASF at local and regional level.",
        "Bidra till utveckling av hållbara stödstrukturer för ASF på lokal och regional nivå.",
    ),
    "goal_structures_evidence": (
        "Collaboration groups formed in {groups_formed} municipalities in 2017; "
        "{groups_continued} of them continued in 2019 while Arbetsförmedlingen was absent.",
        "Samverkansgrupper bildades i {groups_formed} kommuner 2017; {groups_continued} av dem "
        "fortsatte 2019 trots Arbetsförmedlingens frånvaro.",
    ),
    "goal_structures_shows": (
        "Structures were started, but the report itself concludes that it cannot say that more, "
        "and lasting, structures were established.",
        "Strukturer påbörjades, men rapporten konstaterar själv att den inte kan dra slutsatsen "
        "att fler och hållbara strukturer har upprättats.",
    ),
    "goal_use": (
        "Support wider use of individual placements in ASF for rehabilitation, work trials and "
        "work training.",
        "Stödja en ökad nyttjandegrad av individuella placeringar i ASF för rehabilitering, "
        "arbetsprövning och arbetsträning.",
    ),
    "goal_use_evidence": (
        "People placed at the autumn counts: {pl_first} ({first_year}), {pl_peak} ({peak_year}), "
        "{pl_last} ({last_year}).",
        "Placerade personer vid höstens mätning: {pl_first} ({first_year}), {pl_peak} "
        "({peak_year}), {pl_last} ({last_year}).",
    ),
    "goal_use_shows": (
        "Placements rose until {peak_year} and then fell below the {first_year} level, with the "
        "stated {last_year} total and with the sum of its parts alike. Whether the initiative "
        "contributed cannot be told from five counts.",
        "Placeringarna ökade fram till {peak_year} och sjönk sedan under nivån {first_year}, både"
        " med den angivna summan för {last_year} och med summan av delarna. Om insatsen bidrog "
        "går inte att avgöra utifrån fem mätningar.",
    ),
    "goal_funded": (
        "Give more people adapted rehabilitation or work training in ASF, with the aim of "
        "entering the labour market (the funded placements, 2016–2018).",
        "Bereda fler personer anpassad rehabilitering eller arbetsträning i ASF, med målet att "
        "komma in på arbetsmarknaden (de finansierade platserna 2016–2018).",
    ),
    "goal_funded_evidence": (
        "{used} of {granted} funded places used, by {people} people; {work} went on to work.",
        "{people} personer använde {used} av {granted} finansierade platser; {work} gick vidare till arbete.",
    ),
    "goal_funded_shows": (
        "Fewer than half the places were used and {back} of the {people} people went back to "
        "public support; the report itself judges that the funded placements did not turn out "
        "well.",
        "Färre än hälften av platserna användes och {back} av de {people} personerna återgick "
        "till offentlig försörjning; rapporten bedömer själv att insatsen inte föll väl ut.",
    ),
    "claims_intro": (
        "Where the report says that one thing led to, or was linked with, another, the figures it"
        " gives are set side by side below. The evaluation does not claim a cause of its own: it "
        "says what the figures can and cannot support.",
        "Där rapporten säger att något ledde till, eller hängde samman med, något annat ställs "
        "rapportens egna siffror sida vid sida nedan. Utvärderingen hävdar inga egna "
        "orsakssamband; den säger vad siffrorna kan och inte kan bära.",
    ),
    "claim_training": (
        "The 2018 training gave Arbetsförmedlingen ASF ambassadors and “brought the positive "
        "effect that more individuals had the opportunity to take part in ASF” (Milstolpar 2018).",
        "Utbildningen 2018 gav Arbetsförmedlingen ASF-ambassadörer och ”medförde den positiva "
        "effekten av att fler individer fick möjlighet att delta i ASF” (Milstolpar 2018).",
    ),
    "claim_training_figures": (
        "Autumn {y0} to autumn {y1}, by the sum of the parts: all placements {t0} → {t1} ({dt}); "
        "Arbetsförmedlingen {a0} → {a1} ({da}); Kommunen {k0} → {k1} ({dk}); others {o0} → {o1} "
        "({do}).",
        "Hösten {y0} till hösten {y1}, enligt summan av delarna: alla placeringar {t0} → {t1} "
        "({dt}); Arbetsförmedlingen {a0} → {a1} ({da}); kommunerna {k0} → {k1} ({dk}); övriga "
        "{o0} → {o1} ({do}).",
    ),
    "claim_training_verdict": (
        "Supports that more people were placed in autumn {y1} than in autumn {y0}. It does not "
        "support an effect through Arbetsförmedlingen: the placements by Arbetsförmedlingen, "
        "whose staff the training reached first, did not rise; the rise came from Kommunen and "
        "others.",
        "Stöder att fler personer var placerade hösten {y1} än hösten {y0}. Stöder inte en effekt"
        " via Arbetsförmedlingen: Arbetsförmedlingens placeringar, vars medarbetare utbildningen "
        "först nådde, ökade inte; ökningen kom från kommunernas och övrigas placeringar.",
    ),
    "claim_information": (
        "Wider use of ASF “has had a clearly positive link to the initiative's information and "
        "training work” (Sammanfattning Strukturinriktade insatser).",
        "En ökad nyttjandegrad av ASF ”har haft en påtagligt positiv koppling, till insatsen "
        "informations- och utbildningsverksamhet” (Sammanfattning Strukturinriktade insatser).",
    ),
    "claim_information_figures": (
        "People informed during each year: {informed}. People placed at each autumn count: {placed}.",
        "Personer som fick information under respektive år: {informed}. Placerade personer vid "
        "respektive höstmätning: {placed}.",
    ),
    "claim_information_verdict": (
        "Both series were highest in {peak_informed}–{peak_placed} and lower afterwards, so the "
        "figures do not contradict a link. Five yearly figures, which count different things "
        "(people informed during a year, people placed at one autumn moment) and share their "
        "years with the reform and the pandemic, cannot show one either.",
        "Båda serierna var högst {peak_informed}–{peak_placed} och lägre därefter, så siffrorna "
        "motsäger inte ett samband. Fem årsvärden som mäter olika saker (personer som fått "
        "information under ett år, personer placerade vid ett tillfälle på hösten) och som "
        "sammanfaller med reformen och pandemin kan inte heller visa ett.",
    ),
    "claim_reform": (
        "The reconstruction of Arbetsförmedlingen “clearly affected” the use of ASF negatively "
        "(Sammanfattning Strukturinriktade insatser; Milstolpar 2019).",
        "Arbetsförmedlingens rekonstruktion har ”tydligt påverkat nyttjandegraden” av ASF "
        "negativt (Sammanfattning Strukturinriktade insatser; Milstolpar 2019).",
    ),
    "claim_reform_figures": (
        "Autumn {y0} to autumn {y1}: Arbetsförmedlingen {a0} → {a1} ({da}); Kommunen {k0} → {k1} "
        "({dk}); others {o0} → {o1} ({do}).",
        "Hösten {y0} till hösten {y1}: Arbetsförmedlingen {a0} → {a1} ({da}); kommunerna {k0} → "
        "{k1} ({dk}); övriga {o0} → {o1} ({do}).",
    ),
    "claim_reform_verdict": (
        "The timing fits the report's account. The placements by Kommunen fell further in per "
        "cent than those by Arbetsförmedlingen, which the report does not discuss; without a "
        "comparison group the figures cannot confirm the cause.",
        "Tidpunkten stämmer med rapportens beskrivning. Kommunernas placeringar minskade mer i "
        "procent än Arbetsförmedlingens, vilket rapporten inte kommenterar; utan jämförelsegrupp "
        "kan siffrorna inte bekräfta orsaken.",
    ),
    "claim_pandemic": (
        "The pandemic “affected the use of placements of individuals in ASF negatively” "
        "(Milstolpar 2020).",
        "Pandemin ”har påverka[t] nyttjandegraden av placeringar av individer i ASF negativt” "
        "(Milstolpar 2020).",
    ),
    "claim_pandemic_figures": (
        "Autumn {y0} to autumn {y1}: all placements {t0} → {s1} by the stated total ({ds}), or → "
        "{p1} by the sum of the parts ({dp}); Arbetsförmedlingen {a0} → {a1} ({da}); Kommunen "
        "{k0} → {k1} ({dk}); others {o0} → {o1} ({do}).",
        "Hösten {y0} till hösten {y1}: alla placeringar {t0} → {s1} enligt den angivna summan "
        "({ds}), eller → {p1} enligt summan av delarna ({dp}); Arbetsförmedlingen {a0} → {a1} "
        "({da}); kommunerna {k0} → {k1} ({dk}); övriga {o0} → {o1} ({do}).",
    ),
    "claim_pandemic_verdict": (
        "Placements fell again, by less than the year before. The figures cannot divide the fall "
        "between the pandemic, the continuing reorganisation and other changes.",
        "Placeringarna minskade igen, men mindre än året innan. Siffrorna kan inte fördela "
        "nedgången mellan pandemin, den fortsatta omorganisationen och andra förändringar.",
    ),
    "claim_knowledge": (
        "Active work to spread knowledge “is effective and shows a clear connection between "
        "knowledge and action” (Slutsatser).",
        "Aktivt arbete med kunskapsspridning ”är effektivt och påvisar ett tydligt samband mellan"
        " kunskap och aktiv handling” (Slutsatser).",
    ),
    "claim_knowledge_figures": (
        "No figure in the report measures knowledge, or the actions that followed it.",
        "Ingen uppgift i rapporten mäter kunskap eller de handlingar som följde av den.",
    ),
    "claim_knowledge_verdict": (
        "Cannot be tested with the report's figures.",
        "Kan inte prövas med rapportens siffror.",
    ),
    "sensitivity_intro": (
        "Three headline figures exist in two versions in the report: the total of people placed in 2018 "
        "(stated 244, parts 243) and 2020 (stated 123, parts 117), and the employees at the start (the "
        "background's “about 200”, the autumn count 179). Each change that uses one of them is shown both "
        "ways.",
        "Tre centrala uppgifter finns i två versioner i rapporten: det totala antalet placerade personer "
        "2018 (angiven totalsumma 244, summan av delarna 243) och 2020 (123 respektive 117) samt antalet "
        "anställda vid starten (bakgrundens ”cirka 200”, höstens mätning 179). Varje förändring som bygger "
        "på någon av dem visas i båda versionerna.",
    ),
    "sens_placements": (
        "People placed, autumn {y0} to autumn {y1}",
        "Placerade personer, hösten {y0} till hösten {y1}",
    ),
    "sens_employees": ("Employees, autumn {y0} to autumn {y1}", "Anställda, hösten {y0} till hösten {y1}"),
    "bottom_reach": (
        "The initiative reached many officials and staff of the partner authorities: the report "
        "counts {informed_stated} people informed in {period}, and the number employed in the "
        "county's work-integrating social enterprises rose from {emp_first} to {emp_last}.",
        "Insatsen nådde många tjänstepersoner och medarbetare hos förbundets parter: rapporten "
        "anger att {informed_stated} personer fick information {period}, och antalet anställda i "
        "länets arbetsintegrerande sociala företag ökade från {emp_first} till {emp_last}.",
    ),
    "bottom_fall": (
        "The number of people placed in the companies rose to {pl_peak} in autumn {peak_year} and"
        " then fell to {pl_last} by autumn {last_year}; the report attributes the fall to the "
        "2019 reorganisation of Arbetsförmedlingen and to the pandemic.",
        "Antalet personer som var placerade i företagen steg till {pl_peak} hösten {peak_year} "
        "och sjönk sedan till {pl_last} hösten {last_year}; rapporten förklarar nedgången med "
        "Arbetsförmedlingens omorganisation 2019 och pandemin.",
    ),
    "bottom_funded": (
        "Of the {granted} funded places, {used} were used, by {people} people: {work} went on to work, {af} "
        "was referred to Arbetsförmedlingen and {back} went back to public support.",
        "Av de {granted} finansierade platserna användes {used}, av sammanlagt {people} personer: {work} "
        "gick vidare till arbete, {af} aktualiserades hos Arbetsförmedlingen och {back} återgick till "
        "offentlig försörjning.",
    ),
    "verdict_partly": ("partly met", "delvis uppfyllt"),
    "sens_finding": (
        "In all {n} comparisons both readings give the same direction, so the findings that placements fell "
        "after 2018 and that employees rose over the period hold whichever figure is right. The sizes do "
        "not: the two readings of one change differ by a factor of up to {worst}, so no size of change that "
        "rests on a disputed figure should be quoted without the other reading.",
        "I alla {n} jämförelser ger båda versionerna samma riktning, så slutsatserna att placeringarna "
        "minskade efter 2018 och att antalet anställda ökade under perioden håller oavsett vilken uppgift "
        "som är rätt. Storleken håller inte: de två versionerna av samma förändring skiljer sig med upp "
        "till en faktor {worst}, så storleken på en förändring som vilar på en omstridd uppgift bör inte "
        "anges utan den andra versionen.",
    ),
    "sens_stated_total": ("with the stated total", "med den angivna summan"),
    "sens_sum_parts": ("with the sum of the parts", "med summan av delarna"),
    "sens_autumn_count": ("from the autumn 2016 count", "från höstens mätning 2016"),
    "sens_background": ("from the background's “about 200”", "från bakgrundens ”cirka 200”"),
    "sens_finding_flips": (
        "In some of the {n} comparisons the two readings give opposite directions: such a change cannot be "
        "stated without choosing between the report's figures (the two readings differ by a factor of up to "
        "{worst}).",
        "I några av de {n} jämförelserna ger versionerna motsatt riktning: en sådan förändring kan inte "
        "anges utan att välja mellan rapportens uppgifter (versionerna skiljer sig med upp till en faktor "
        "{worst}).",
    ),
    "intro": (
        "Did the initiative reach its goals, and do the report's own figures bear out what it "
        "says about them? This chapter sets each stated goal and each link the report asserts "
        "beside the report's figures, and reads the figures the report gives in two versions both"
        " ways. Where the report names a cause, the chapter attributes it to the report; it "
        "claims no cause of its own.",
        "Nådde insatsen sina mål, och stöder rapportens egna siffror det den säger om dem? "
        "Kapitlet ställer varje angivet mål och varje samband som rapporten hävdar mot rapportens"
        " siffror, och läser de uppgifter som rapporten anger i två versioner på båda sätten. Där"
        " rapporten anger en orsak återges den som rapportens; kapitlet hävdar inga egna "
        "orsakssamband.",
    ),
    "stated_or_parts": ("{stated} (sum of the parts {parts})", "{stated} (summan av delarna {parts})"),
    "h_goals": ("The goals and this evaluation's verdict", "Målen och utvärderingens bedömning"),
    "h_claims": ("The report's claims beside its own figures", "Rapportens påståenden mot dess egna siffror"),
    "h_sensitivity": (
        "The disputed figures read both ways",
        "De omstridda uppgifterna räknade på båda sätten",
    ),
    "col_goal": ("Goal", "Mål"),
    "col_verdict": ("Verdict", "Bedömning"),
    "col_report_conclusion": ("The report's own conclusion", "Rapportens egen slutsats"),
    "col_change": ("Comparison", "Jämförelse"),
    "col_reading": ("Reading", "Version"),
    "col_from": ("From", "Från"),
    "col_to": ("To", "Till"),
    "col_units": ("Change", "Förändring, antal"),
    "col_pct": ("Change (%)", "Förändring (%)"),
    "caption_goals": (
        "The stated goals, this evaluation's verdict and the report's own conclusion",
        "De angivna målen, utvärderingens bedömning och rapportens egen slutsats",
    ),
    "caption_sensitivity": (
        "Headline changes with either version of a disputed figure",
        "Centrala förändringar med vardera versionen av en omstridd uppgift",
    ),
    "dt_evidence": ("Evidence in the report", "Underlag i rapporten"),
    "dt_shows": ("What the figures show", "Vad siffrorna visar"),
    "dt_verdict": ("Verdict", "Bedömning"),
    "dt_claim": ("The report says", "Rapporten säger"),
    "dt_figures": ("The report's figures", "Rapportens siffror"),
    "dt_support": ("What the figures can support", "Vad siffrorna kan bära"),
    "goal_knowledge_report": (
        "Met to a large extent; elected representatives reached only in part",
        "I stor utsträckning uppfyllt; förtroendevalda nåddes endast delvis",
    ),
    "goal_known_report": (
        "Met; reflected in steering and policy documents of most of the partners",
        "Uppfyllt; speglas i styr- och policydokument hos flertalet av parterna",
    ),
    "goal_structures_report": (
        "Development has taken place, but more and lasting structures cannot be concluded",
        "Utveckling har skett, men slutsatsen att fler och hållbara strukturer har upprättats kan inte dras",
    ),
    "goal_use_report": (
        "A clearly positive link to the information and training work; Arbetsförmedlingen's "
        "reconstruction affected use negatively",
        "En påtagligt positiv koppling till informations- och utbildningsverksamheten; "
        "Arbetsförmedlingens rekonstruktion påverkade nyttjandegraden negativt",
    ),
    "goal_funded_report": (
        "Did not turn out well: the outcome did not give the expected effect",
        "Föll inte väl ut: utfallet gav inte den förväntade effekten",
    ),
    "claim_training_title": (
        "The 2018 training and more people placed",
        "Utbildningen 2018 och fler placerade",
    ),
    "claim_information_title": (
        "The information work and the use of ASF",
        "Informationsarbetet och nyttjandegraden",
    ),
    "claim_reform_title": ("The reorganisation of Arbetsförmedlingen", "Arbetsförmedlingens omorganisation"),
    "claim_pandemic_title": ("The pandemic", "Pandemin"),
    "claim_knowledge_title": ("Knowledge and action", "Kunskap och handling"),
}

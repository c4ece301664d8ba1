"""The 8,000 most frequent French words, most frequent first: data for masked words.

The normaliser (:mod:`modkit._text_words`) restores a masked word (``b*lls``, ``th*s``) to the one
common word that fits it. Words of 3 to 15 letters after :func:`modkit._text.fold`, counted in
French book and film reviews (``fr_book_reviews_babelio``, CC0;
``fr_allocine_review_samples`` rachigh train split, MIT); only the word counts are kept, no
text. Also used by the gibberish rule (:mod:`modkit._rules`). Derived with::

    Counter(w for t in texts for w in re.findall("[a-z]+", fold(t)) if 3 <= len(w) <= 15)
"""

from __future__ import annotations

__all__ = ["WORDS"]

WORDS = """
est les une qui des que dans pas pour mais avec son plus sur par tout tres film bien elle cette
histoire nous livre sont roman fait meme ses comme peu etre sans vous aux personnages aussi vie
lecture beaucoup lui deux faire leur ete suis entre peut aime vraiment ont bon tome fois ces lire
petit apres car avoir premier encore temps auteur trop etait tous passe ils grand fin toujours
quand jeune autres dont ans alors cela monde mon rien assez cet trouve avais quelques voir moi donc
dire autre mal moment coeur suite moins famille avant belle personnage sous amour femme scenario
leurs decouvrir recit coup jamais surtout non homme pere reste celui avait noel toute deja annees
ici mere debut scene notre acteurs oeuvre serie fille petite autant chose univers depuis donne
adore plutot parfois faut genre envie premiere plaisir pourtant jusqu retrouve grande tant part
cote pages enfants malgre humour ecriture intrigue celle soit partie ecrit guerre comment films
toutes beau parce chaque juste nouvelle certains bonne puis mort long point jour cinema scenes
tellement vite mes laisse style dernier nos dit ainsi chez passer sujet voila souvent femmes epoque
livres titre place apprecie trois loin nouveau auteure enquete mise ceux seul travers mieux grace
contre enfin plume quel quelque prend elles plusieurs font arrive fort semble quoi romance ouvrage
role histoires vrai parle agreable facon simple rencontre interessant bout enfant critique veut
drole pense aurait fils bref excellent action pourquoi pendant idee sait choses lecteur plein
magnifique rythme ailleurs raconte couverture manque aucun egalement sens retrouver mettre saga
pays lors surprise commence jeunes totalement presque voit difficile vivre editions decouvre
societe savoir jeunesse vers heros eux hommes effet jeu ambiance tete personne vient maison annee
comedie quelle vont romans yeux autrice parents peur abord ensemble derniere parler realisateur
suivre musique final decouverte cas trouver face nouvelles thriller france aujourd hui autour bande
aventure noir oui mots jours seule court fil forme mauvais aventures voyage fond etais etant
pouvoir agit absolument maniere travail meilleur finalement francais chef interet joue decide nom
deuxieme met vue ayant veritable the prendre personnes doute impression emotions original doit
ville reussi fut grands dommage question sera gros notamment petits force comprendre amis aller
realite decouvert seconde attendais presente malheureusement dialogues lorsque suit moments second
simplement eme compte esprit certaines siecle sombre enfance plonge longtemps realisation bons
merci couple demande milieu avis paris retour album theme litterature nuit devant lit texte soeur
resume frere seulement page porte art age vit troisieme tomes fiction reve prix principal permet
tombe relation peine talent attachants sais cependant periode classique polar laquelle lequel jean
recherche historique premieres pourrait choix devient chacun parfaitement propre completement
serait pris originale aucune montre rapidement heroine acteur sentiments certes pleine corps tel
chapitres fantastique mis regard super qualite lieu quotidien fluide nature emotion mois differents
gens propose rend village nombreux amitie niveau tour premiers violence connu pres sent ecrivain
incroyable voici riche superbe sort lecteurs lis mari fan politique situations protagonistes decue
image francaise babelio manga beaute connaitre casting litteraire suspense effets differentes
partir conte couleurs possible touche sorte perdu jolie garcon cadre prefere chemin dois besoin
reussite policier documentaire gout amoureux cause vais peux durant belles rapport magie
sympathique rire rebondissements sommes present occasion depart rendre hate forcement donner
devenir offre poesie interessante laisser tient votre facile poetique etat ami illustrations
version regarder sortie lorsqu tourne franchement droit ile maintenant amie etrange terre horreur
recueil aborde sauf cours tard questions masse avoue merite connait traite attention ton bonheur
etc atmosphere afin aura compris peuvent derriere adaptation situation sortir ensuite souvenirs
voix images vieux vraie oublier nombreuses clairement passionnant heureusement realise sauver decu
exemple quatre change pierre penser aurais petites drame parfait soi recommande deroule auteurs
pire cherche quant certain dessin commencer excellente verite trilogie faits selon science
evidemment filles heures touchant certaine ecrire spectateur opus apprendre raison decors john
succes apprend metrage hasard experience dessins finir etaient ecole oeil probleme particulier mot
service prise americain public triste avons heure aimer sujets mystere secret animaux sentiment
dessus plan aide main espoir neanmoins equipe sympa charme puisque quete soir air devore celebre
critiques telle evenements parti avez dessinee propos perdre cliches importe habitude plonger signe
venir groupe conseille vaut relations chapitre minutes route marie oublie chronique apporte
emouvant themes proche terrible enormement maitre ennuie affaire passages efficace deception
impossible pose meilleure idees haut edition connaissance etoiles caractere speciaux secrets contes
attendre arriver plans ame rose entendu celles blanc bel bas dela vacances mariage collection
changer but moyen meurtre narration reel interpretation mene quitte liberte base beaux nul accroche
memoire new volume sorti annonce memes meilleurs inspire destin tente police arrivee maman remercie
humains reellement principaux decrit classe partage douce choisi dieu parait viens garde cache
details sang origine longue etats imaginaire hors connaissais dernieres voire originalite chance
eviter rester sinon prenant mains dix melange ait aider soleil americaine complexe neige mondiale
croire points amoureuse genial plu devenu theatre jouer langue combat reflexion presence douceur
termine fini mysterieux argent publie anne tire carriere parmi bibliotheque regrette rouge train
enorme vision elements marque devoir accompagne lumiere faisait roi ressenti duo haleine realiste
facilement froid finit soeurs evolution textes confiance couleur mesure format adulte extremement
lieux different futur passage references hiver derniers pur lisant existence dur freres reflechir
tomber attachant comprend precedent arreter regarde crois roles suspens episode mourir epouse
habitants plupart eau nombre joli faite ennuyeux envers passion oeuvres message ombre permis lien
bonnes immense rarement construit humaine portrait camera avance cineaste bord demi psychologique
hommage mode rare grandes humain approche vecu avouer tandis puisse merveille raconter accident
attend recu papier michel morts presse sourire humanite folie montrer pauvre voulu bouquin sensible
plongee ferme continue narrateur tension profondeur aupres marche envoi curiosite graphique revoir
jeux ecran desormais ennui paul king paysages anglais note appelle type contexte problemes vies
monsieur mauvaise credible denouement lourd unis etres lectures fantasy uns commun travaille
ridicule imagination descriptions ancien touchante gags culture sud unique adultes dis phrases
sensibilite accepter intense fera sein centre parcours revient remarquable vide actions valeur
double romantique soient navet cotes foret cinq souvenir ecrits quatrieme compagnie rencontrer
illustre peuple forte offrir precedents toutefois contraire grosse animation parvient reves moitie
louis faux disparition recits james hesite moindre decor limite tiens concernant prete mission
amene sublime faisant professeur londres revele explique absence lignes apprecier voiture
passionnante dure amateurs fonctionne realisme filme nouveaux pied amerique terme objet familles
david profond allez mer planete achete charge certainement intelligence maitrise donnent formidable
entraine nord eleve justement construction reelle parties parfaite cree fetes rendez particuliere
pensees nicolas moyens libre identite ados good vivant rentrer maladie and actrice droles york
quitter lacher passee etes ressemble continuer tenter tendre souffle vivent dame cesse captivant
jack chat desir temoignage litteralement poignant finesse combats reussit magnifiques importance
rate saint imagine course bouleversant journaliste matiere inutile feu journal personnalite
interessants semblent instant previsible adolescents joie existe metier enfer telefilm volonte
hauteur danse avenir necessaire coups victime fete moderne pouvait preuve familiale interieur
passant morale reflexions europe folle fou sociale mener lent emmene violent general important
naissance retrouvons nouvel don evoque interesse contente rencontres invite contenu justesse top
magique legere angleterre rapide puissant anime religion tendresse historiques aspect courts ouvrir
surement volet proches loup raisons croit chien description suivons plaisant campagne ouvre martin
serieux largement attache quelqu suffit dramatique robert partager vent cite piece profonde
probablement ceci puisqu decembre tenir pensais paru francois ouvrages trame feel arrete survivre
direction fais etoile perd evenement tom totale rares prison directement vis imaginer deuil
prenante essaye lettres doivent veulent fortement disparu restent prince fans tueur essai attire
noter photographie actualite origines espere classiques dedans propres peripeties faute tourner
justice seuls conscience russe peau courage contrairement risque vivement souhaite doux ciel
viennent possede perdue difference connais parallele ado capable divers crime sexe espace decevant
profondement western six adolescente lance informations fallait aiment vouloir fidele club leger
bois commissaire allait chambre tragique chacune terriblement surpris developpement digne
psychologie longueurs personnel spectacle peter analyse entrer pousse apparait noire enquetes
multiples difficultes atteint personnellement michael culte region porter adolescence accepte
seront davantage energie chute resultat intelligent tels phrase cru incontournable essentiel chasse
courte compter larmes inspecteur politiques mechant tot rentre bijou passionne appris grave medecin
complet faites acheter surprenant commentaire noms voulais quartier deteste condition sert avere
veux heureux embarque douleur choisir deces vieille dos artiste armee suicide flic date ouvert
revolution impatience blanche gagne soiree figure extraordinaire affiche tristesse entoure
emouvante reprendre ressent journee quasiment ordre chercher laissee pepite bonjour portes vos plat
reels fur creer mechants bravo clos concerne salle dehors etonnant thomas terminer somme emma
entreprise situe amies communaute forts series reconnaitre commune pourra empathie policiere
revanche sequences tue ecoute operation mille ben ecrite croise poser henri traduction sophie
inconnu sociaux systeme surprises ideal occupe endroit remettre positif reserve ultra developpe
voyager audio puissance solitude voulait helas discours agatha vois auraient lancer actuelle
environnement longueur ingredients total dynamique aborder toi mettant librairie emporte actes
liens jacques hyper merveilleux detective mondes outre comprends expliquer clair cher pal utilise
legerete guide harry relire limites retrace codes physique victimes rappelle haine max defauts
passent stephen monte romances divertissement manquent colere quasi interprete degage rejoindre
curieuse installe bientot addictif poids novembre claire saison cadeau daniel amateur pression
demander reprend travailler pretexte monstres perte represente mysteres permettent tuer pensee
adapte philosophie biographie alice intrigues ligne college mele comique esthetique garder gore
prestation vingt matin vincent sept anna fantomes echapper bete erreur americains honneur
accessible amours longues retrouvent realiser thematique revenir bleu arriere devrait scientifique
docteur disney souffrance haute affaires brillant intime aspects olivier extreme episodes attendu
retourner prime rempli production prevu lycee glace atypique abandonne armes familial cheveux
narratrice faim arbre decidement addictive angoisse claude plaire connue remarque chroniques
tendance recherches touchee recemment portee christie star absurde regne allons auquel conclusion
tableau replonger qualites entourage christian avancer ennuyer essayer devoile rever paraitre
savais richard cycle normal difficulte fameux royaume domaine agreablement finale cliche generique
nanar concours differente huit george semaines proces riches conflit jane midi ecrivains reseaux
lendemain montagne philippe semaine site mysterieuse combien papa reference crise avaient
artistique danger photos exception education tempete contient interessantes photo evolue improbable
confirme casse actrices chateau reussir lutte preferes attacher abordes urgence charles avocat truc
notes menee partout pret consequences madame carte prochain auto identifier degre reussie eleves
calme offert fuir meurtres richesse ressentir respect vocabulaire logique patrick end froide
inoubliable heureuse pistes conquise ravie ames pseudo chaud souviens reponses prometteur bateau
chouette globalement refuse claque adapter bebe adolescent ancienne vague suivi genie william
generation social afrique enieme devait fable patron guere devenue bras devine consacre
contemporaine intensite drogue cruel peintre via concept permettre eric anglaise valeurs convaincre
trace echappe impressionnant enchaine banal miss exactement instants titres simplicite interesser
uniquement genres conseil disant pires veritablement mediocre decouvrons suivant aimez cour
apparition attaque prennent complete dense visite lie projet charlie sentir retraite silence pointe
effectivement zone harcelement decale proposer fleur sauvage rendu membres prouve hauts embarquer
principalement plait realistes post visage love conditions ordinaire allais tantot vengeance
passionnee sorciere gene inde tombee nomme excellents bataille demeure tresor ressort haletant lot
faible monstre bienveillance produit recevoir boite rue culpabilite coupable adresse magnifiquement
hotel expression hormis noirs productions appel antoine ajouter participe ours definitivement sarah
survie lune entier complique explications principale impose dangereux trouble ajoute liste
catastrophe entendre ocean technique sombres disparait thematiques anecdotes possibles tirer
depasse honnete oblige secondaires budget gueule construite registre regal lee incapable fascinant
traverse suffisamment remercier christophe mouvement neuf legerement vrais sensation empeche
resistance trente auparavant decouvertes accrocher challenge protagoniste ouest coin legendes
editeur espece fallu bizarre populaire revolte vampire sorcieres gerard entend constitue malade
sauve britannique ultime horrible arthur jusque empecher influence teinte souhait bemol chansons
chanson violente temoignages source formes jouent transporte robin traitement attachante she
costumes occuper appartement aise debute tante camp ennemi immersion chats circonstances nez voisin
connaissent presents animal echo pure fantome pauline generale tiers accord alcool tragedie esprits
transforme bienvenue camille geniale menace nostalgie echec scolaire hugo generations balade
allemagne decrire trio sure maitresse compose attente anti blake gagner developper voulez equilibre
fortes debuts caricature poste frais fasse population essaie dimension sacre sam difficiles reine
complexes nulle dose defaut video exceptionnel comedies assiste ridicules comediens dvd brio accuse
poursuit disent ecouter rues envoye objets venu president souffre gentil marcel changement proteger
longs toucher ose diable laissent grosses pieds boulot creation paradis touches moyenne pourraient
constat voisins visages hopital prises fragile amusant alex presenter entierement voie rappeler
revelations cafe confort denonce massacre luc caracteres crimes cosy autobiographie potentiel
restera contemporain creux tranquille complexite relate pouvoirs derange deviennent lancee
compagnon huis lesquels instagram banale epreuve loufoque impact importante credibilite sauce
feminin adorable synopsis tenu rock realisatrice rendent paix soldat chine enthousiasme oncle
dirais relativement trouvent immediatement pleins bernard etudes decede monument vivants gabriel
considere tim reputation memoires connus policiers religieux banlieue devoiler regime pave ere rage
incarne retrouvee lettre direct cruaute acte evidence numerique frappe lue quotidienne bourgeois
clan saura utiliser tele louise carrement pitie voile traditions montagnes facilite graphisme
destine loi epopee albums vol artistes parlant indispensable mignonne simples agent mythique
semblait tripes polars charmant guy eprouve mignon apparence cheval absolu blessures avion vole
ennuye jim remake loups fade spectateurs bouche pauvres inutiles depression fonds torture detail
superbes foi entree aine rupture issue exercice curieux peurs lac reactions mention universite
introduction glauque profiter litteraires fuite traces exprimer enjeux jeanne princesse septembre
laissant scientifiques nee souris aimee aurai exceptionnelle road visuel ferait incroyablement
traits jouant colore quoique priori arme detour unes couper precise oppose autrement pitch pratique
entiere scenariste apprentissage rond actuel mythologie voyages lignee enleve doutes juliette soin
repliques julia speciale movie parole enchainent festival personnalites aimerait vif con
visuellement realisateurs morte japonais capitale contact dirait venue croiser cent regret maria
construire jeter nuits mitige lasse demarre civilisation rentree tenue empire surprenante subit
accueil immeuble poete seduite evoquer disons referme engage frederic dirige poche racisme peche
ombres tranche russes suisse helene restaurant hier charismatique presentes van alerte georges
meurtrier sherlock mariee coupe emmener bascule retenir racontee happee ressortir savent principe
piste dark lecon convaincu chloe parisien bourre promesses comics stereotypes ouverture indifferent
retours poursuite allemand mitigee mec one mou insupportable charlotte epouvante her montage
sequence secrete guerres epique ecrites japon palais tentative frontiere feministe precision
sincerement distance russie intriguee chocolat apocalyptique maintenir controle evoluer pareil
station cinquieme attendait voyant savez possibilite justes mediatheque desert repose prive
hollywood victoria militaire misere cuisine foyer relecture subtil emprise italien comporte
documente pieces installer dialogue attachee regulierement confronte musicale emploi seance
basculer succession fraicheur moral epreuves philosophique bouleversante rapports honte honnetement
precieux joyeux specialement etranges apportent attentes pari demontre magistrale laura
sympathiques reprises creatures bill perfection charisme daube filmer gloire suscite interroge
restee salon soldats parisienne menent repas celibataire dangers traine karine passez saute
programme empereur supporter emily objectif telles membre humeur poil conseils profite humaines
payer parlent explore berlin douloureux solitaire arts divorce betise turner conduit cauchemar
surface enqueteurs printemps categorie catherine millions tolerance ecrivaine instructif melant
regardant espionnage lente solide week familiales code biais bof liv complot sixieme soutenu
tournant lois franck incroyables positive naturel mangas rigole explication acces seduit cercle
coute desagreable reponse habite victor emballe essentiellement subtilite sage doucement dragon
sortent table recette apparences conseiller bacle affection pleurer voudrait vieilli republique
sincerite merveilleuse prends habitue reconstruction lourde sympathie evite sexy exploite woody
correct tournage brise leve jugement donnant cimetiere hante clement croyez precis voisine
attendant jardin modele tentent territoire collectif rene constater douter marc quels isabelle
constamment gars essence decident failli mettent inspiration talentueux comte depeint lea xxeme
sejour murs florence rebondissement forces ennemis techniques pleines peinture ancre choisit
goncourt chinois indices faisons pathos saisir tache convaincue habituellement meurt bouleverse
diverses croyances fresque puissante conducteur fascine auxquels durs soupe provoque mystery etude
legende lectrice ray lumieres juge ecosse maisons garcons multitude condamne appele traduit
affronter veille simon duree copine anthony reussis nettement dingue servir chemins captivante
qualifier mythe man pathetique ryan meilleures for will clint abandonner desespoir clara venus
quartiers rendue chaleur inattendue janvier reconstruire veine metteur portraits brin proie terres
ficelles langage hesitez traiter moeurs accent menage blog faudra americaines penible ecologie
dystopie emission temoin plage relu cadavres internet niais taille hitler plaisante risques dessine
observe orpheline sensibles usa frank anciens special reveler cles trip organise surprendre
difficilement italienne observer siecles incendie liees alexandre etonnante presentation pause
hilarant vues lesquelles tournee ventre emprunte amelie tabou cultures gre camps voler nora arc
feminine miracle economie cynisme epidemie lache figures dessous attirer laurent adam arrivent
messages bretagne divertissant ramene intelligente douglas large chere machine heroines dote
preference comportement reunis asterix destins jolies tape appeler credibles noirceur onirique
aurez demarche bad mouche rit captive travailles innocence perdus sonne manquer cage courtes you
campe this monter doublage eastwood distribution tombent confie italie mai decennies mensonges
mathilde maitres passionnes poemes villes integre envies sagesse cacher burton bouleversee
religieuse courant dits coule lus vieil alain pouvez especes fonction livrer bureau enqueter
delicatesse assassin retourne sachant retenue commencent recoit douze oiseaux medias musee revue
droite extra evident tetes splendide evasion muet defendre dents front fleurs tournure eloigne
decrocher nathalie majorite apporter palpitant paysage mauvaises eglise pervers concentre periple
trempe holmes professionnelle arret sommet salles lenteur pop pudeur sincere inscrit consacree
admire indique exterieur enferme secondes generalement tigre recuperer battre adhere vampires
manoir alcoolique reveille poursuivre mets sable violences piege etonne elegance indemne attends
ambition performance spoiler pesante mises ambitieux releve defi creature assure trait marion
compliquee securite capitaine maxime theorie ange retranscrit bus ininteressant pleure elena
traverser marguerite mediocrite vibrer rires inspirant courses photographe organisation juifs
pousser paroles exemplaire yves restant preparer dimanche regle pouvais passes dieux etranger
agence apparaitre rappel parution collegue invente connaissances nuances opera signee franco prenom
fabrique joliment enceinte nobel esperer television revelation gorge proprietaire fins surprend
reconnait lovecraft minimum bouleverser somptueux frontieres anthologie aveugle integrer book sport
ecris jules anticipation flics potter perplexe meconnu finira sciences tranquillement positifs nina
coeurs permettant proprement conviction cites zero disais precisement retrouvailles bat manie
representation voient suivants prepare partent mao servi andre interdit integrale resister
japonaise stephane napoleon prejuges talents percutant pretention exces oreille absolue resoudre
participer barre marquee may traversee champ trouvais grotesque minute acceptation quentin handicap
climat prof singulier citations resumer nullite kate dramatiques decroche fabuleux derangeant
habilement lady correspond sentimentale hybrides mine relever troubles ennuyant introspection
ennuyee ode magali descente faiblesses tournent dead cannes that ford life seconds debile venant
inconnus champs prochaine decedee replonge quinze cible exil sylvain choisis dizaine visiblement
prisonnier vendre ainee surnomme explorer statut malin marine offrent visions mathieu serais savait
cancer guillaume covid adultere accompagnee volontairement envoutante climatique sapin jumelles
repris auteures royal enigmatique aimerais dessinateur traque naturellement assister activites
pauvrete demons bombe lutter utile offrant publique allant capacite madeleine emporter caroline
absurdite amant agir sale detaille suites juif lisez mur assassinat telephone atteindre tiennent
eden elizabeth thilliez homosexualite colle folles savoureux gouvernement paraissent environ
illustration celebres facture cerveau happe directe rencontrent esperant chiens obtenir notion
fantasme solution chapeau carene suivent commandant bleue comportements decrits toile zola miroir
septieme fratrie souci decision algerie charly malaise abel saisissant accorde noires interieure
grandi aisement revu black structure reproche eve thrillers manger oiseau critiquer fier soucis
technologie blagues joe leon delire prouver visuelle robot fautes rebelle numero derive previsibles
coherence typique fred off detendre zombies comedien alias pleinement fenetre emmanuel pierres mary
clients ecologique pretentieux violemment heritage inattendu majeure fabrice ratee exemples net
denis admiration commentaires jette back instar cochon actuellement revenu projets accompagner com
transformer lucie rejoint questionnements gris patience bourgeoise envoie opere aussitot franc
australie invisible poing bandes planches acheve cheminement maudit verra montee venise commerce
sante soigne timide lyceens connues anniversaire salut plastique complicite amusante terreur
cherchent leo gamin joies horrifique professionnel remporte enigme passait insouciance frissons
parvenir chevalier deroulent assurer soo originaire destination with seduire magistral burlesque
decouvrant confinement brutal merveilles didier vert voleur attarde matt cynique sexualite
franchise choc abime sortes facebook incoherences volumes niveaux semblant malheur transporter
lumineux modernite intitule finissent experiences sauvages phenomene reflete terrifiant samuel
jumeaux permanence etrangement bulle ponte invraisemblable fer combattre imposer antonio violette
ovni convaincant droits adepte doigts copain attiree vive voulant dan oscar presentee assurement
document sociales necessite element personnelle pale dejante composition faisaient glacant
progressivement secondaire glaces maturite coutume commis memorable chefs communication radio
pourri cesar foot sobre emile pile comprehension comparaison detestable jason infini responsable
boy copie lies naturelle cherchez ficelee perle incomprehension gentils doudou gamine san
deroulement asie regles pourrais evader descendre solidarite vulgaire edite detresse exister where
reprocher merde convaincants musiques chanter chiant allen cinephiles assassine tes croisent
modeste milliers soudain national virginie grandit feront regrets devra tesson rappele blesse
preferee remonter attaquer ali invasion exploration modernes photographies repondre albert pascal
excelle prose manipulation privee pluie auront xxe transmission ages agee constate benjamin taylor
ecart effrayant these dormir philip terribles petillant decousu majeur autrefois epargne redemption
termes rajoute servante exposition dessinees lisais derision normes courageuse calendrier gauche
certitudes immerge societes satisfaire enfantin touchants compagne progression laissez fous bruce
job ouverte dite racines improbables chinoise subtile paradoxalement allemande repond norvege
extrait marier poetiques tourbillon survivants racontant ressors libere arte office danser decrite
debiles simpliste forment auschwitz austere particularite reecriture produire marin troupe
quarantaine lucas omnipresente lewis routes fragilite christine capacites fiance carnet inconnue
magiques flash atelier angela serge bond pensant queue eveille echange smith chantier cendrillon
foudre orient devenus lena juger naif philosophe siens reparer pirates metro croient manon
nourriture joseph habituee hivernale jaune efforts transportee drames labyrinthe deroulant evoluent
entrainant promet rang delicieuse pardon impatiente adorer monstrueux parseme aient amener reich
jungle attendent politiquement quelconque apparitions portant ludique facettes reduit faudrait
frole luxe croirait abandon originales consequent patricia centrale compagnons revisite rude creuse
bases intenses intrigante plaira city victoire jolis recul emmanuelle craque ivy enfers rater has
boxe impeccable interpretes ratage conflits domestiques romancier los angeles idiot carton
attachement entrevoir signes juin exprime censure sac sentiers eternel envoute lisa mythes rois
reconnais publier octobre fauteuil phase musso mark epoux fine separe reconnu sources domine
specialiste betes arbres trahison gardien prenne egard fixe etudiant internationale succedent
determination plaisirs anges hill coreen archipel jalousie prologue reportage visiter brown
american defense bar principes tentatives irlande avent vecue repos chalet complots rigueur
masculin attitude besoins appuie israel fantastiques jonathan facons faille individus obtenu
belgique concession hesiter cinquante respecte destinee cle gare avions maternite naivete
connaissez appartient juillet continent norme nothomb sombrer mars vanessa exploiter epoques
poignante troublant terrain singuliere rachel blonde arrange langues laissait cirque admirablement
malediction interessee genereux howard agissait bruit grandir sortant pandemie dune isole handicape
nommee agacant vargas julien independante sagas hop rome tonnes detente eaux puissants emue dira
familiaux professionnels veuve maurice producteur produits procure austen hannah appreciable
debarque espoirs progres anais cedric interrogations liee abandonnee nazis souligner grandement
benoit perdues exploitation position provoquer alternance sensations lili libres nourrir adaptee
ficele pilote remonte constituent viol courageux pourront serai dresse oppressant cousin evidente
effort sceptique lever saisons gache questionne avantage definition croisee content chris agreables
future ramener case eclate fatale construits saveur amuse allee chamboule veritables blancs
entremelent brillante amuser collegues variete musicales reperes fameuse terminee reside verhoeven
naufrage bouts atroce embuches roger issu parodie interpretations psychologiques caricatural
chagrin nathan batailles egare rythmee penelope formidables lupin mouvements fleuve detriment
inquietant envoutant battus admettre humoristique lou ponctue tableaux superbement bonsoir larme
regretter story mature singe compassion lola vedette gosse show convenu euros emouvantes twist
cruelle outrance script marre zombie soporifique palme docu ennuyeuse min aout malheureux persuadee
hong adoption lieutenant splendides promis sois local neiges manquait sexuelle lointain lasser
cadette enterrement zones pagnol parvenu methode issus intriguant illustres disparaitre rajouter
kennes minuit seraient valerie eternite enfonce flaubert best documents archives dignes
correctement pont indeniable habile embrasse herve manuel failles dragons gacher passees young
satire communs economique sonnent laure henry egypte emblematique absent lectrices naitre acceder
choral intervention manipulations couples inverse trentaine apprenons profil chaleureusement
association atouts cul methodes bienveillante servent originaux information narratif espagnol
allures resilience ethan sympas gary brillamment interroger chant chaos belge retard physiquement
proximite occidentale tarde individu independance renouveler liberation yona chair interdite
developpes verte efface discussion classes adaptations espagne officielle ron axe deviner refus
pessimiste grossier brut migrants devais vaste sourires apparemment jesus amer ailes refait
arrivera devraient promesse chaine sol men cocasses lise loupe melissa fluidite judiciaire habituel
comble justine definitive sanglant rayon fortune arsene severe elever romanciere symbole fondre
peuples erreurs sons destruction happy valent lentement repete importants rafraichissant craint
sentie subi vietnam debarrasser resolution montreal comparer pratiques impitoyable odeur tort repit
affirmer entrainer confrontation etendue green sandrine plaisait dossier senti moque endormir
procurer assumer marina wow cadavre etrangere tournures grandiose profonds laisses gaulois
explosion clins gouts palpitante masque phare officier desuet epingle tend foutu soyons franche
developpee styles sordide samson marquants synonyme islande pepites mentir aimais mecs obsession
interets participation inspiree implacable girls sauter chanteur preferees apercoit parfaits
injustement vus luke cultes elevee street ness promene delicat ideale autrices pro nerveux erotique
scenaristique quebec melancolie quoiqu solo correcte mievre brutale authenticite citer galerie
ignore serez lila kevin decus presentant jones lumineuse puzzle pouvant real expressions epaisseur
militaires bleus allie assume cine cense rob niaiserie grotesques utilisation catastrophique blague
audace intention sarr evocation viendra venait publies ironie chick couche dechire avril animes
pencher essayant maupassant permettra penetrer extraits mondial vagues posee attentats apprehender
moindres ruines tabac espion allemands fascinante veuf saisi tentant graves jete verre alchimie
formation historien elite enchante direz antiquite seduisant autrui vieilles articles barbara
giebel maire actuelles efficacite prenoms forets tradition blanches divine minuscule savoure port
avancee ava francis revent combler marquer estime biere pre assistante dessiner renaissance article
bibliothecaire balzac reconnaissance installee edouard pratiquement pensait apparaissent tribu
maladroit bouquins atout respecter protecteur transmettre sacree chronologique verbe guise feter
meres plaidoyer conteur resistants touchent catalogue volontaire cathedrale antique parfum moutons
propagande epilogue deviendra proust decalage serpent orange habitudes omnipresent gerer bebes
garou decider varies discussions glacante discuter remarquablement sexuel differences jamie baleine
dictature juive ironique recommander detectives civile remet marques audrey conter touristes
gravite edgar temoigne ari schema mini olivia mepris signifie cri croyant reperer terrorisme
inquietante solidaire regards netgalley passera balles dangereuse amoureuses dizaines etapes natale
afro etoffes gestes retenu douloureuse attentat regroupe morbide remplace tenebres perspective
prochains commettre plate rapproche oubli vire nicole personnelles basique lisent soins relief pis
hymne eddy createurs videos bal normandie jackson services manifeste quiproquos detruit gravitent
perso remplit rosa entourent trompe publications perry versailles seme coutumes feerique tromper
oubliee esclavage plaid independamment rediger inhumain celeste voudrais troublante encontre boucle
navigue cachent apogee desarroi cure aille parlons nucleaire excellentes frustration manuscrit duel
lourdingue mystique sommeil godard numeros confus initiatique solutions aie lecons favoris central
deroutant eut delicate regalee melent envoyer preciser gamme sublimes precedentes scandale maud
concepts demon angle mensonge geste rechauffe desole redoutable sensualite sors gosses importantes
legendaire redecouvrir repere bob corse conduire flou melo chuck felix vulgarite fermer raciste
stanley soignee serieusement adeptes baigne gratuite scott julie dumas subir interminable
consistance marge abri surnaturel netflix representer inegal projection negatif match suspects
remarquer salome bonus audacieux rejouissant automne bouge have divertir che auberge repetition
quart independant phoenix eddie deconseille stories fantaisie musical oeuf scenaristes
ininteressante admirable alien hybride filmographie inceste institution revenue alan divise
recompense plagiat narre kim waouh populaires separation rendant sorj rennes journees balance
suppose separer vocation corruption vin pub romanesque recettes allies valoir employes secretaire
artistiques amants recule respectifs marseille alexandra gourmandise disait depit celine miller
souffrances dechets echanger romancee longuement sexuelles gustave subversif elan horreurs poussee
places domicile harris normale toit motifs rouges novella nait complaisance peril brouillard donnee
cadeaux meandres diffusion inacheve specialistes charges echelle pardonner glisse conan apocalypse
locale sel notions frequente respire revolutionnaire elisabeth composee glacial poitrine bergman
ira culturelle createur philosophiques exclusivement amities muette decidee meurtriere paye
engouement chevaux indienne union contenant disponible intellectuel authentiques coherent
necessaires ideaux liz brute steve moyennement cartes brume coma chevet minutieusement religieuses
entends malades caricatures commande ressources trajet dirigeants actuels moderation romain
mortimer clarisse pete cellule morgane plantes traumatisme enqueteur serial bussi futurs repartir
dystopique poursuis demarrer savant invitation durer detruire decisions laissera rapprochement robe
explose bible coucher guerison croyance client cherchais similaire sand paralleles chasseur
entraide villages tony recent parlait crayon boule tentee suzanne fillette occurrence folklore von
virus partis harmonie incite lyon former etudie tentait seigneur scenaristiques fees arrivant
sylvie reunit religions ego camion minimaliste apprennent big race costa delaisse expose trone
toxique paranoia neant baby valentine odeurs vieillesse racontent souhaitais approfondir distingue
centaines retire poison emotionnelle cocktail arabe frustrant jose documentaires embarquee trouvera
attendez injustice affreux joel declare eloignee temperament accelere comprennent comptes
christopher melanie delphine specialise permanente utilite plonges lirai douleurs bac bruits
devoilent tombes ronde disparitions fbi francaises delice leonard samedi palpable emblee causes
surmonter convient intimes feuilles superficielle tensions curieusement narcissique fruit
entrainement dubitatif enquetrice traites enrichissant utilisee derouler corde intellectuelle
parent appreciee plante delirant splendeur restait fabuleuse sentimental terrifiante secours lutins
mienne lion ranger indiens asiatique reprise interpreter excellence travaillee trouveront
documentee futuriste responsabilites provence malsain refugier milan prit fausses pouvons
ressemblent epoustouflante fondateur policieres moche cerise quelles cool suffisant discrete
decoule vente villa montrent maitrisee periodes culturel attirait resiste precedemment affrontement
enigmes reconstitution shot vitesse marcher clemence tas reussies mineur nostalgique gay
charismatiques survole ieme bain pan fun sorciers demie foule intimiste refuge opposition
retournements souleve enchainement caricaturaux versions purement gangster indigeste danseuse sien
haletante abus emballee feminisme island enlever doigt pattes morgan palette vise flot park capter
authentique last hostile fonctionnent hitchcock compare actually procede absurdes professeure
marrant pertinent regardez libraire typiquement epouser rattrape alterne distrayant spielberg
questionnement prostituee comprehensible poussif stade mafieux soutenir pacte vaguement stars
allechant naturels desirer pales capte erotisme alle coucou protection maximum rivalite tresors una
voyeurisme appellent wars epaules boites traditionnel from can his wilson out divertissante roue
choquer partant rocambolesque spectaculaire capucine jouissif lamentable tenant navrant industrie
kurosawa visionner baclee bouse affligeant efficaces depardieu risible lourds composent plane
orphelins depaysement denonciation chalandon debats poe panthere epoustouflant fee accueillir
impressionne entretien panne deserte refugies agace occupee infirmiere sainte syrie irak angoissant
clarte geants agnes familier pesant fables oliver compliquer barriere sourde levy horribles chargee
traumatismes bonhomme commercial velo attirance xixe dinosaures voitures postale rebours
surveillance sapins lyrisme falloir tisse apprete soupconne inquiete prets josh magistralement egal
irene emprunter fascination influences donald oublies californie briser courir promotion ministere
edward proposee adopter impregner remplir directrice tribunal drogues infernale profit servant
vilain exterieurs miel percutante architecture medievale morel innombrables dedie professeurs douee
nazisme existent innocent illustree inedit musiciens manipulateur criminel reserves trucs autoroute
bouffee decouvrira balle faussement marnie redige medicale densite archi publication diversite
contenter medical propice instinct accro vannes glaciale aube profondes effectue eclaire mecanismes
intellectuels catastrophes astrid alexis sovietique accents won intimite magazine immerger seine
mamie africaine betises vogue sucre copines boys medecins representes adopte agathe eternelle trash
rita qualifie sorcier ruse enfantine etions bourgeoisie plumes staline coincidence latin dollars
infiniment rigide suedois diner eperdument etage confrontes errance capables milo garcia sex vinci
international consternant rougon douces malheurs imaginez possession lang sharko remarques xavier
raphael patient cecile crescendo lord situer contraint red obscur realises zweig gere oscille metal
absente mad interviews travaux genant champion domestique investigation elegant clin occident
attachantes volant otage tragedies gaston ruine polonais transition mike stress immigration
optimiste grecque youtube glisser semblants fatigue suspect barbares denoncer epais british andrew
marbre transmet nuance alma preserver commencant guerir tueurs impressions ambitions desordre
restes tiree due grandioses economiques rends theo souffrir justifie brigitte fiere derives opinion
collette chasseurs inventer refermer empli scenarios conquete inventif narrative triple enlevement
epaule peres terrestre changements decolle ampleur reconcilier apercevoir surcroit gothique fetiche
temoins capital klara confier problematique lisse iran ennuis nancy travaillent reaction traitant
ressembler mona joueurs bloque normalement hercule calvaire analyses assassinee idyllique wanda
avide grimaldi emotionnel quinzaine presager debat regis inevitable demarque vallee honnetete old
moralisateur mafia masculine symbolique conclure impuissant renouer call preuves ventura vain
mortelle donnait bol cotoie enthousiaste eclats apre jomain extraordinaires initialement joindre
gage adolescentes selection cherchant psychiatre cohabiter haha paranormal joueur volee cape
melancolique intelligents thierry herisson maitriser sense bruno cowboy precises euphemisme foncez
symboles mecanique elephant parcourt bizarrement andrea blessee inexistant delilah confusion betty
suivante lassant essaient finement trouvee journalistes delirante locaux funes affectionne reelles
croyais world poudre dominique apercu dignite demonstration pertinente death hilarantes prometteuse
realisee precedente pixar mexique plats epee vives bilan competences dent grade faune alter
gentiment caleb espagnole facilites attraction demandent comprenais coreenne captiver angoissante
ulysse saisissante pietre poeme bikers vides ambitieuse jet explosif stop potes sobriete lynda
reveiller geniaux texas night hot adrenaline murphy porno dispensable surjoue carne tarantino
nanars bavard marquant mental etudiants mbougar renaudot reclus pairs bonheurs fictif chaudement
recueilli naples precieuse orphelin syndrome debordante defendu faveur declaration grossesse cahier
issues ordres jubilatoire contraintes minier habitant conduite taire commencement biens autorites
gardner tuerie habitent habiter ivan geant brule diront michele voulaient recueils soupcon avocate
prevenir chomage relier province craquer immortel frustre duquel enseignants manquant rechauffement
effacer santa convaincante attendus https deconcertant riviere rigoler fac school spatiale amertume
soigner melville imprevisibles reserver brouillon centaine denue francoise rememorer portent
feminins mythiques maestria meyer albin billy chaines laissees gamins serre domaines sou
retrouveront visible mesaventures chutes brad herbert aimante calais demain hermetique poussiere
premices troublee trahisons employe cauchemars situee demontrer honore echanges menaces incursion
echecs supplementaire grandeur projeter reprenant ethique verve verne architecte boutique
connaissons questionner publiee tourmente renverser poetes datant jardins susciter lapin criminels
trou mlle redaction apparente surrealiste impossibilite violents dynamiques naomi decheance
robinson rumeurs sulfureux ascension traducteur rituels debattre refuser profession killer vice nan
isolee installes endroits consentement mangaka after cousine venues concentration debuter
apprehension simone rouen turquie notoriete georgie stock souvenais tokyo colonie agricole lucide
spiritualite zoe egale sillage elsa partages mario arracher seules bribes fit continuite stefan
sortira mange nation atypiques echoue illustrer antipathique rencontrons papillons line nouveaute
hardy listes canada inviter saul effroi treize use levres ouvrant paisible etablissement monotone
trafic metoo grippe campagnes depasser partagee cabane funeste imiter vendu ravira bijoux therese
bresil merry prone motivations vingtaine substance laborieuse perrin pendergast patrie sembler
repartie chers penche noble imposant spirituel majeurs sachez tristes hans fraichement baume
entouree marple iii intriguait emu bourgade officiellement semi fus maltraitance principales
patienter rapprocher genese occupants grain indien hantee prostitution chut orchestre loufoques
organisee emerveillement cap bienveillant sites reposer crane implique desesperee physiques
toussaint allers congo chauffeur semblables editeurs etonnee preter roland terroriste deletere
perpetuelle cave jouee dorian prenez enfermement maladies croyait quai potentiellement mentionne
goscinny trouvant rebecca baron armand connaissait scrupules triangle royale rigoureux coloree
miracles rode annoncait filigrane virtuosite lyrique bec nazi voyons invites flammes braquage
phenomenes gang opposes insensible rosalie savamment uniques ishiguro basse europeen rouages
accompagnent mers banalite major fiancee mordant aude range definir morceaux quiconque morceau
chapeaux interactions river lucy delicieux destructrice gardes psy sportif ascenseur sentais
proposant presqu decennie quebecois artificielle horizons melangeant olympe segregation
consommation technologies melangent consequence nordique particuliers concert edith taciturne
menees fermes fonctionnement marquante journaux oppressante esclaves jetee hemoglobine hesitation
regale venger renaud couvert volontiers autriche metamorphose soif inedite gallimard enormes
arrache poussent democratie geographique talentueuse macabre romantiques dirai motivation
expedition pacifique bateaux marquera matthieu innocente engendre rappellent paulo dimensions bosch
scotche gabrielle filiation magritte georgette transformation vibrant identique alternant vraies
semblerait envahir ellipses dresser legeres gendarme danois urbain representant alternent
disparaissent creativite girl beneficie demandant sortis insipide aimes illusion differemment
carnets victorienne francisco coincidences carpenter locke cendres disparue pennac romantisme
agression fumee breton rapporte subtilement modeles keaton homosexuels fevrier corrompu processus
cachee continents magasin iris nazie averti roxane laid insiste fixes alternative humilite
repetitif game entieres bizarres gate justifier metaphore decoupage barry arrivait centree
feuilleter intrigant robots appuyer bukowski demeurant exposer camarades serieuse dickens retirer
cerner duologie manieres feuilleton fanny sadique sourit cinephile saurait exagere house copains
williams parc horizon pique generosite superieur cadrages abouti partenaire coins karl verites
supporte evade amplement convenue seduction problematiques laponie lourdeurs malsaine favori
bagarre studios fout stone negatives kong dixit what rime biopic mel sergio meriterait vivons
poncifs westerns universel fraternel bancal made claques achille amateurisme roll humaniste
prestations sean nuls chier regardable mohamed massacres tours perturbe dupont akira intimement
endormie initiative boire accumule etablir traitre aisee valu exploser rejet deni dada auxquelles
publicite achat eclat tombant diego flora marches lampe trentenaire arctique accompagnees parcouru
camus fatalite territoires mme privilegiee well billet reproches avalanche rigolo confins enfouis
therapeute clone definit bovary soirees alabama attendrissante lapins cede etudier pension
subtilites exploit ecureuil filmes impregne seche traversent faye inventivite islandais germain
desespere hypothese optique surprenants depassent manques repute espaces illustratrice judicieux
sitot rassemble potache xixeme affirme gregoire luca conception entrees winston approprier prisme
esthetiques alpes mail gendarmes associe libertes spirale pyrenees conjugales watson remis tournoi
eveil peindre synthese boris developpements archeologie cathedrales clairs inouie fierte ideologie
fideles tolstoi agremente troupes prostituees fraiche erre theatral manipuler joyce dick soixante
creee deplacement conserve gogh richesses caravane gages toilettes associes uchronie identifie
usine percoit demandais beton lame interessait genocide sauveur gain fureur sanglante ernest
voyageur siberie truffe lucidite mentale sienne alibi facade twilight changeant approcher partait
vetements encre inedites depaysant assassiner aeroport promettait inevitablement disparues
retournement soumise esclave mortes eclairage contacte jury cherie carre caro tiroirs apologie
eprouver chaleureux prives jambes partagent blesses exupery finie dupuis degoutant gentillet
mediatique protege fastidieuse parker nue chaperon houellebecq islam tentation antipodes amanda
fourmis hachette tabous chaleureuse macquart broadway joyeuse interview assassines psychiatrique
travaillant expert rats ravages voyez christ signification maintient errant paire antoinette
oreilles depourvu aucunement appetit invention outils shakespeare effondrement interieurs brassens
brosse retient lineaire yan obscurite monologue sortait immersif serieuses fioriture cabinet
persiste hip family revoila exercer apothicaire scandinave indiennes feuilletons gouter inspirer
senegal tuee britanniques grincant precaire noyer pareille sordides salaud verront trompeur amusee
deguster archeologue desabuse ambre incisive faibles ravi profils renee porteur terrestres separes
bloc sofia changent plongeant bousculer faisais afghanistan delisle laurence sentent remise mont
preface refaire frivole indeniablement hautes poisson melanger papiers eloignes reglement
apprivoiser experte tatouage enlevee bourse duc hypocrisie institut avocats silences marins naze
tina dechirement totalite basee fidelite distraire acide vaisseau courent sacha abat taxi enjeu
mievrerie eloigner constante soutien guimauve pretent cases oser revelee postulat elimane existait
baudelaire aimable horde detester etape accouchement fouille lior connaissant marais argentine
confidence souvient poils radicalement trahi gwen oeufs zut achever positives peintres donnes
mechante trous crainte succomber tintin introduit psychopathe confronter tragiques file empoisonne
inspectrice passons shojo verse siege stephanie gravement ecrase precieuses tortures piano
interpelle supposee dernierement neveu fausse accompli croix miserable faciles maux inconditionnel
degoute poule sorties dinosaure interpellee liseuse lourdeur decalee habitues islamique finalite
trouvait prouesse roues fixer emouvants fox faces summer decoit eponyme colin dictionnaire maths
battent meurent pompier legoshi varie flop consideree empreint distille violentes humanisme
manifestement cartonne secte chattam mixte moteur specialisee crises unite secoue eclater gloria
paradoxe dangereuses sache pain evolutions adoptee multiplie bouscule interne sauvetage enseignant
carole blogspot jaquette italiens remplie lucinda remises respirer prudence cheminee envier crue
egoiste eveiller briller milieux peintures decidemment donnera salue marianne roberts savourer
actif gangsters reunir convie ken ballet wilder culturelles perception jure innocents montrant ouf
addiction renommee home gentille suede nains accueille grece fougue nations saveurs amere charmante
conquis nerfs jenny barbe saut pitt colis cyril subjectif stage application chances vehicule
messieurs touchantes thorfinn entame nombril bouclee charmes televisee dispute samantha conjoint
redoute deploie defunt eva regorge ressortie conserver traditionnelle indice ignoble rapides
traditionnels analyser contraste lilas poupees enfuit negatifs proposent desillusions olympiques
allure directeur disposition imaginaires like usage incontournables express menu taper bonbon
responsabilite jerome demenage transformations bluffant pianiste jennifer tenues renouveau extremes
bouffe affiches diffuse costume fillettes honnetes motive abuse dean lassitude decriee renferme
diriges aidee ratees nola complaisant cavale proposition retombe battant alliance anecdote colline
jade plib gores rocambolesques desillusion queen shanghai colorees marlene bordel garous spin rural
contrainte heloise ordinaires meritent arrivais discipline certitude helen reagir just very
marquent cadres gogo ressorti emancipation partition chanteuse comiques faust obscures enseigner
fades deprime incarner hein dynamisme lol angoisses bisounours azalee games carapace banque
stressant playlist hallucinante renard finis when obscure irresistible diriger eloge elin stupide
muscle country obstacles paquet approprie too erotiques caine egocentrique visionnage lily
croisement purge pitoyable gibson cultissime delon flashbacks redemande studio kitsch creve
fantomas ininteressants danny insoutenable auteuil hoffman lumet bogart ferrara kad cineastes
comedienne once bidon metrages claudia sonore cadrage carrey romero jackie reno giamatti africain
miettes tournes rechauffer debarquer barthelemy communiste nes washington jacqueline quatorze
desesperement arretes klaus esperent instruire orwell coq durablement norvegien animale nounou
decouvrent feraient electricite dorenavant attribue retracant temoignent encourager recueille meler
detours temple gigantesque investir repetitions contradictoires poignantes demeler tenait
fantaisiste oates yorkaise fontaine reveur savons pseudonyme infernal informatique psycho
industriel craintes resonne creuses entrain percu restitue gentillesse caustique arabes orphelinat
habiller poules communes patisserie trainer sexuels residence superieure voleurs fenetres estelle
hulda infinie financer plateau hayat repeter gateaux trouves stephan eloges lier vivait
reconciliation geante vecut deprimant reedition accessibles fonctionnaire emploie majordome meubles
nostalgiques hara mouvementee olga fusillade tranches recurrent mylene entourer consulter antan
christmas inexorablement respiration elise odieux communiquer ian transforment guette faillite
geopolitique recommence flagrant breve integration col vergogne accompagnes industrielle
capitalisme infliger considerent resolument dostoievski somptueuse glossaire sylvia doue immediate
coe revelateur gachis impuissance werber kilometres redonner kathe occidental voudraient tardait
nice vend vaudou evoquant mademoiselle papillon percevoir solides representations soixantaine
berger boue crier ferai romains coupes clinique bienvenu fabcaro lemaitre niece entretient postface
averent manteau naive brutalement soudaine acquis monstrueuse confiee etrangers gilles appat allees
parisiens retablir predateur profile enchainer canadienne diane sebastien quittee parodique fuit
poursuivant fantasmes choisie cheveu urss tibet eblouie metres campes allegrement academie rives
suivantes passionner hierarchie emerveiller gilbert desastre visiteurs integralite onirisme
glauques recupere lacombe commode emportee ponts quatuor rowling tendres chou deroute reviens
perspectives affames quarante ebloui routine librinova enchantement moliere initiation carrere
ambassadeur foules roulant digressions roy flore exige enterrer obsede provocation prevert per
scandinaves cruellement bibliographie courants foisonnant exotique ecossaise ajoutent feroce servie
entrent combattants accrocheur football jumeau tester competition pertinentes immergee farfelue
aident lyceen paragraphes ecroule margot attentif conforte prestigieux epice cotoient grotte rick
concentrer onze couler schemas pensent mortels goutte design collector coffret scandales
cinquantaine accords hard comperes magnat romeo coben bangkok genereuse lugubre contemple steampunk
reposant exceptionnelles ride gourmande nees essentielles ouvriers kelly verts much fulgurances
inattendues artifice rapprochent revenant johnson heu moscou activite surprenantes filmee exigeante
mystiques incapables natal veronika lovers arrogant attrayante rassure peint canadien proposait
passions crash decouvriront limpide stupidite pologne del brasse redecouvert quichotte liberer
tenais cordeliers tempo couteau hakim placee perspicace desolation pate dracula madeline causer
cascade abandonnes nourrit conversations depend souri vaudeville autoderision gai parenthese julian
stereotype repetent evoques poissons prenomme berce cachant mesurer adherer solitudes satisfait
cochons aspirations ehpad remords ressentie retro andrei vents piscine entourant lectorat
souhaitant absents theories tantinet annoncer intacte powers resulte empare troyat fiche camilla
revenons dejantee clementine pare bluffee recluse sauvagerie senegalais zeste parue gray panique
catholiques marchand repenser essouffle nin destabilisant isolement rompre transfert condamnation
allusions ravage guerrier inciter mrs ranch discret genere foire intermediaire reussites degres
gouffre expriment inattendus comblee connelly galop inimaginable affective majuscule coulon
virtuose axel biographies cia trouvons seduisante sensuelle disponibles entrecoupe courrier
detournement merle passagers tendue tandem tortue inutilement anodin immisce nationale engager unit
caisses defunte colleen paysan kazuo choque determiner esthetisme finance mathematiques survit
concretiser sensationnel alpha chretienne convoque bourru plates autoritaire ecarlate tendent aines
charmee visibles harceleurs biologique retrouvera predecesseur selectionne aimons jazz approfondie
debutant perdition siderant lointaine revelant poirot jeudi grange persephone enchanteur merlin
harcelee frele hilarants refletent insistant royaute roth profondeurs duval soie angles geisha
veracite legue reunion confuse completer vienne supreme empreinte cartons imbeciles gestion
superficiel batman donnees realites adamsberg maternel esquisse quadrilogie piaf catholique saints
insectes bretonne chili utilisant virginia traductions soupcons derape autorite noye prisonniers
superieurs impensable remarquables chante boyer explicite epouses anonyme privilegies battues
revoltant collaboration ensuit gordon dures amatrice gaiman degrade joshua alexander interessent
ambiances tirees rio equipage entamer hello diabolique successifs vivante posture inconsolable
captivants excitation inconscient exotisme mississippi caracterise riley jouait athlete meditation
acerbe parviendra figurants testament rumeur baiser contee contrees acharnement nocturne regler
vraisemblable psychique pepe traversees invisibles savoie reviendra little solaire laches bravoure
vulgaires revolutionne noblesse attendrissant jeff decevante agacante creant percer facette notable
neglige dettes reflechit meconnue demarrage devienne sauvagement possibilites bandits dalton
psychanalyse demoiselle garanti priver boulangerie soudee supportable espions accrochee couture
oubliees sellers tapis silencieux aiguille junior individualisme tires ancree massive souligne
zemmour suivez caracteristique laetitia bouleversement cold winter portable etincelles
peregrinations complice maintes irlandaise comptent ella aile reporter tendu horriblement
jouissance crie globale conventionnel sharon detache eventuellement animalier lupano alzheimer
chaplin dictateur revee outil criteres cloche complices harrison fonde doris ment triomphe leblanc
interrogation tonalite gag universelle danoise decrites sorcellerie spectaculaires senties
puissantes terroristes abysses considerable rappelons reparti humoriste cousu prestigieuse
prochaines condense partenaires test artificiel baisse logiquement matthew concret apprecies
traitee naturelles sexisme passionnants humble commencait fondation opposees assurance
technologique impossibles frida patriarcat ameliorer jessica drapeau ballade ponctuent grise
rappelant ferais posterite reveil cocooning debridee detachement souhaitez adequation abrupte
retrouves male tons tatoueur opportunite lauren hayward floue vas impressionnante esthetiquement
magouilles dates juges relevent planche versus pair valait obliger moon francesca remplacer decoupe
hostilite tambour parcourir lilou recommandable kill magicien obtient effrene relative bobos
audiard quinn meritait grant liban adoree adult roule selectionnes cathy ennemies bee humiliation
posees anderson boyle deborde largue completent box chaotique sales lambert adieu ouais trouvez
theatrale volets emelivres gillian vecues conclut adele ambigu louve therapie voue identitaire
silent ambiguite boss attitudes read come amusantes cauchemardesque diana key recommandent sensuel
rates patriotisme neurones backs orientation epiques instit rin concessions audition blade dakota
vigueur martine distinctes servira privilegie morne immenses abattre etudiante postes esperons
vecus damien radicale mister stagiaire ralenti performances viree strictement chicago blair leonie
insupportables recreer jouvet coherente astrologie fesses halloween rat maiwenn agacants pleiade
affuble was years connor impressionner cow leone differencier equitation foster confrontee degouter
planter must deroutante ressentis producteurs asiatiques apportant june owen livrent cons mollesse
hulk maladroite belmondo ecrans silvio convenable conteste machin lynch hollywoodienne been yola
arthas mendes ceinture anthropologue discutable not linda danielle feuille cuire laurel toc
flippant kyle araignees emouvoir nana hollywoodien timothy musicaux exploitee marionnettes willis
filmees hanks inexistante connery huston oubliable stallone gish affligeante fellini jerry costner
incoherent baston decoin visuels cheville experimental cruise penn cassavetes refusant yambo
remporter aurelien malien monod cevennes temoigner avaler repondent osmose viet kennedy secession
adoptif armees diogene furent couvre barbarie utopie pensez engagee precurseur colonne entretiens
eprouvant choisies emprunts reveries rangee identites cercueil homosexuel journalisme vingtieme
franchir inconsciente manche chaudes couvertures polonaise turque democratique pensionnaires
entiers modification dramaturge universitaire abordant boucherie horrifiques giono marseillais
dites occidentaux regions enneigee engrenage carmen matrice depressif repression exorciser
arrestation impasse designer habituels stupefiant hameau tribulations seller aligner savoureuses
bud chemise araignee dino chronologie retraites delcourt souffrent agacee habitee liam ongles
assistant parking souterrain tienne erudition indes mouton couronne beuglet sfff soutenue fetiches
avancent riad coupables jeremy remue stendhal lucien dessines revivre raymond etendues desertiques
joy trump vaisseaux modestes luttent paumes lourdes petersbourg fiez parfums mefier vivian publiees
maine monastere honorable auguste rodin aboutissement assistons monet introduire cestac officiers
adrien chirurgie loisirs menacant installent normalite chic paves visites surveiller defend ariane
terroir emois bibliotheques entites rythmes philosophes soumet rejouissante emaillent snes frise
erudit attrayant branche taro plausible louable manicheisme debattent entrant louvre moine business
gangrene occultes changera desesperant anonymes ressens publiques entraines plaindre martiaux
demandait inquietude huitieme machines pearl facteur banquier envisager atlantique emilie valentin
picasso mettait ecule exageration consommer vulnerable jouir nuages contenue sublimee apaisement
entite rejete avertissement accompagnement neuvieme decapant arretee temperatures depeinte panel
plainte aboutir bourreau hasards missions discretion xviiieme trompee finlande murder ukraine
ministre departement ahmet altan influencer detenu toumany margaret grec cotoyer vladimir
ecologiste promenade conversation natasha cigarettes prevue calligraphie cicatrices shoah nullement
reduire etouffant conteuse allaient protegeant defiler etonnement babeliophiles pioche arrieres
sieste cruels juridique primo immediat paysans lait hongrois chevelure saluer librairies ophelie
puissent habituelle contradictions optimisme posent impliquant foulee subissent phares dechante
patte purs audiolib meteo insipides accumulent visant stupides raisonnement genealogique jus dediee
elegante reapparait genee exile christina marquees relache cambriolage obligeant magnetique
colombie symphonie insomnie permanent redonne franchit anneaux visionnaire fondamental repousser
kafka choisissent gallmeister fascinee ellen resistante devorer siennes anneau insulte lourdement
rescapes seuil mila suffisait chantiers nettoyer elabore laideur pretes approchant royaumes heroic
reuni imperiale vieillard rencontrees equipes cooper opuscule pivot hazel chevre respectueuse
cuisinier rafraichissante agacer espionne associer climatiques froideur excentrique variees
effroyable replique sobrement visionne parcourant clark eraste empresse embarques envoyee
inclassable musulman promise brulant suppositions demeurent simenon fameuses jerusalem pole
touristique echappees colonies israelien chasseuse appreciant economies heritee
"""

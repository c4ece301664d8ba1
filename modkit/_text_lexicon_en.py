"""The 8,000 most frequent English words, most frequent first: data for masked words.

The normaliser (:mod:`modkit._text_words`) restores a masked word (``b*lls``, ``th*s``) to the one
common word that fits it. Words of 3 to 15 letters after :func:`modkit._text.fold`, counted in
English tweets (``en_tweeteval_informal``: TweetEval, a permissive wrapper of Twitter
content); only the word counts are kept, no text. Also used by the gibberish rule
(:mod:`modkit._rules`). Derived with::

    Counter(w for t in texts for w in re.findall("[a-z]+", fold(t)) if 3 <= len(w) <= 15)
"""

from __future__ import annotations

__all__ = ["WORDS"]

WORDS = """
the user and you for with this love that california new all amp day happy was are from your just
out have can but our one when like today time not what night get good christmas beach los san best
last these park see got angeles about back now here they beautiful some great don family how who
more birthday will vegas thank life little had she thanks much her city fun first people know
tonight york always home morning year his has there look favorite amazing friends off las weekend
work come hollywood been center make only too trump world right still way going lol never repost
girl big place lake over think let after show ever disneyland two take friday another baby them
made want house need being really than week state because better why photo university even
francisco days did next sunday again down live would ready everyone disney tomorrow school heart
man getting say their summer years wait seattle downtown friend tbt him party where washington miss
long music before into texas diego such merry florida most may well old high game view pretty santa
girls were every hair coming dinner bar hope south usa finally thanksgiving art very guys saturday
having west white guy perfect real hotel check nyc hot could north sunset holiday thankful club
then things looking stop should video fire mom date feel many food awesome lit other coffee its
black chicago start sweet thing county bad beauty making those nothing yesterday monday team hard
red sun cool post hills god free times full via excited cute watch picture keep season around yes
didn makes sure nice everything tree boy said someone while smile link top wedding national please
rock doing america face also gonna kids end pic together airport soon part through international
shit miami magic find losangeles working feeling selfie something fall came blessed blue super done
college bay lunch found shot adventure special any looks call play restaurant valley already oregon
few lot point church give proud taking resort until street watching stadium follow same true
gorgeous stay forever tell class lovely loves dance trying town model does island won hey bio
loving took away golden holidays meet studio ladies since put grand set carolina trip cafe person
left light sister open walk wonderful museum news ohio georgia country venice crazy nevada help
bridge doesn support boys sanfrancisco went fam square shoot early run room own dog july funny shop
missing believe celebrating breakfast fitness moment side lil portland playing fashion hello travel
obama loved pier style win guess lost american young welcome says market whole though mountain
seeing studios yet brooklyn dad photography almost eve wish without east gotta anyone lights monica
must song atlanta enjoy myself try ago enough event job jersey use malibu enjoying grill both women
hit springs thought vibes vote remember wanna late lady which visit earth fuck glad mind casino
yeah lasvegas garden district head sometimes half winter gold waiting beverly dream houston couldn
missed brother ice ocean drive cali isn far actually seen hate grateful nights wall mean care ain
read change yourself money ass gift makeup lounge saw water river color yours store company
shopping concert worth gets kim throwback oakland hour sunshine book cause hours else theatre
canyon thursday sky during toronto dress kind gate available wow comes babe forget star car office
hall vacation definitely bae nature pictures living woman weather dallas bit each universal might
three self soul united against fresh eat ride hill sorry spend needed tour ask couple words damn
sleep kid strip anything name brunch break needs months wednesday green death weeks tuesday sad
lucky eyes memories leave sign central arena month dreams ontario illinois future join spent
anniversary photos arts nofilter omg story bro festival virginia views starting bday tho squad
boston maybe social bring started happiness talk feels behind cold gym field mood tennessee david
fucking goes pink under village michigan manhattan literally second fair wanted movie states course
bowl starbucks sandiego line haha past met farm hanging share arizona air wine palm power halloween
evening media road experience december close catch fort absolutely https haven sea crew group
sisters snow son president snapchat mother business community congrats afternoon pizza coast
clinton queen fav once used spring salon john newyork wrong beer body voter orlando wants ones mama
colorado wild grove hear sale lmao seriously celebrate yoga steve foundation zoo king men front cut
official orange sunny spa kitchen building blast union newport told falls space golf wcw george fan
pics fine workout happiest mine spot talking peace deep handsome israel hell austin drinking pool
giving pacific using lots move gay twitter mission everyday huntington merrychristmas anaheim tea
wearing wear wouldn stuff joy hiking phone note service magical chicken michael driving hand quick
turn xmas dude outside creek beat cream meeting control kingdom anti happened daddy rose hike
called training pop running dead instagram rest truth bannon safe buy babies single isis melania
area tahoe till pick incredible artist chocolate boo inside bed dtla spending castro different mad
shirt goals later security stage daughter convention bear pennsylvania able order apple wasn
theater dope mexican sacramento laugh congratulations rain truly burger probably children shooting
cheers walt human drink least tag nashville blog election putin piece sports camp round tickets
matter taken animal cousins warm learning history huge reason gone hands hillary gardens small
delicious thinking gun case online energy jose del main idea wishing killed cousin short saying
showing daily fear desert yay dear war surprise wife shout reunited straight easy bob double dont
kinda natural album forward means strong nightclub extra medical session photoshoot takes gave cars
bright memorial sunrise blues walking kentucky ball knows liberals brought okay popular latest
latergram football cheese comedy youtube laguna wonder train less action sushi massachusetts google
drop serious vegan books asked bitch between bff uber repostapp fight sis fact station cover lax
husband paul success moon biggest sick health adventures marina chance indiana third nazi eating
dark marriage word save final cake dogs fans wake design card inn film alt ranch become donald kill
beginning mini merica sound minute shows stars middle fit bestie parents pre photographer mall
sundayfunday bbq alabama heat protest sexy russia performance hilarious eclipse shine starts smiles
eye vintage trail public fidel brothers cuba dems list camera four tim everybody snap heaven
orleans pay speech near games cuz galaxy tony totally fast fake stand mcm tried mount yosemite
brand details moments irony mommy columbia band series add listen especially staples senior fame
caught important credit babes bride rightists plaza learn land annual looked along maryland
instagood harry instead ben key celebration puppy turned six palace justin die spirit dancing
planet local boyfriend number custom harbor tweet happen deal november minutes carson hold
collection mike healthy freedom hat tattoo shoes soros tgif brown plus buddy denver goodmorning
tacoma entire iphone wit trade project obsessed knew fox others nephew box cabinet million standard
historic medicare marine silver minnesota roadtrip heights angry heard reading canada race academy
places border putting factory saint row listening busy keeping sarcasm avenue aka felt adorable
forest shots observatory finished ran plan james alone dylan grandma momma kansas testing wisconsin
client cannot classic step level miles vista october winning seems jong leftists strikes quality
everywhere christmastree socal bless opening tired niece goodbye nigga allen inspiration jesus
southern happens episode forgot jack table understand page drone beyond honor victoria louisiana
ootd lacma hang ppl louis works fly click palestine electoral clean cat smiling foodporn turkey
veterans microsoft low tower brewing roll graham fbf pass worst voice supporting drinks aren
officially pen trees fave mountains bts sounds present flight epic fantastic flowers door tesla
princess sunsets starwars posted worry child china lives twin cutie homie philadelphia yummy
jackson pope cubs five favorites code bout shoutout ashley aleppo pure filter cove labor original
cant baseball chris prince bringing law christian laughing yemen hilton chillin fabulous performing
either interview earlier ali singing moore current stunning cup greatest somewhere francis sharing
paradise married obamacare supremacists problem wage abortion killing winery lose paris castle
charlotte chill cutest pasadena zac treat liked mexico bye played imagine onedirection minimum
clients pumpkin arrived purple mgm thofjuly mary bought force wars lord rise radio pull joe moving
secret pnw calling fish agree somebody track holy exactly facts tis rodeo act friendship breaking
rather complete yum comey talented colors sing pleasure uncle smith joke lets til visiting
happening alive thisisus draintheswamp grayson duncan libya brexit besties begin paper stupid folks
nails pro boss beats jerusalem conservatives transition tpp thewalkingdead foodie phoenix luck
catching blood mrs afraid westworld inc quote french bag hamas fatty admin blaine cohen coachella
ahead across access terrorism fossil fuels hombres con hiphop syria facebook calls candy uniteblue
dakota likes medicaid hatchimals happyholidays silly fat antonio blonde detroit august september
bet bank sam romo gifts pub clear efron persona homeopathy registration partner tavern watched
respect quite oil oklahoma depression lifestyle screamqueens penalty suppression leonard helping
angel photooftheday bakery decided simple mix interesting gallery sitting gilmoregirlstop
deplorables robots immigration columbus caption casa connecticut centre major glass swear throw
fourth fantasticbeasts portrait boutique bellagio wtf test price martin bill successful gives
anymore rocking idaho thoughts vegetarianism cred appreciate paid cleveland winner campaign
practice thru dropping homecoming hezbollah blackfriday printing embargo outfit lighting beauties
send currently record pie awful cristiano maga steak rage missouri marriott hahaha app leaving
honey lane iraq trust police sit woke random buffalo thankyouobama marijuana terror stillwithher
valentines skin heading kick movies sugar potter location reality luke hospital fracking pelosi
euthanasia system ronaldo nye glow version conference neighborhood hood count challenge inspired
fcblive vaccines choose motivation shenanigans horrible match release born creative size tech
father muhammad site faith nbawards recount maduro datenight dessert irvine oak growing coach
terrible surprised events goodnight rooftop faces riots hearts grind hubby griffith familytime poor
feet press finish nobody whatever flying weird target sand verlander cheer featuring shake newest
flags vsco melrose balayage com stone famous express lincoln build blvd riverside sat indian london
burning anger block pose woods mark changed dirty library urban tacos guest booth kiss bike
sleeping broke ugly board yall create waking ukraine tampa funday steakhouse voted type enjoyed
letting parade longer madison personal cry bestfriend positive port ridge dogsofinstagram anxiety
simply iowa italy non smoke montana speak saakashvili unitednations chinese mosuloffensive grow tap
salad vibe vscocam apartments students due focus racist keeps bros presents pain touch goodtimes
picked realize private streets animals filled blessing crystal journey floor given court lazy theme
january jazz sent stopped sneak ave legend crime independence exploring sadness seafood santamonica
mickey actor johnson comment lead salt max mobile government standing grab drunk luxury fireworks
grace corner wings latepost waterfront michelle bigger videos worse philly opportunity lie taylor
member meal issue capitol utah ring bunch peeps wizarding degrees balboa boardwalk mac turning
internet plans aunt sense lakes wins crowd linux barbara flow dreaming message prime rip bottle yrs
write sold russian jump tcot review hip dropped mosul empire website crying rainy nightmare
crossfit burbank tan luv selfies monterey tom fancy award mess sending horror seem campus attack
cruz gop diamond apparently peak feed rocks rare holding broad mile napa cozy goal british email
info legs charlie rolling possible taste donuts dave thx ricky broken delta atl butter organic
relax relaxing update western fell issues crush honestly ending learned channel gear article paint
ray baltimore writing gang created boots fuming japanese soooo scenes tuned rey league ryan leg
favourite taco mirror sex emily traveling mornings painting sooo contact died raw entertainment
bomb juice moms hop promise bend fix highway oceanside fresno fremont rich continues hoping
blessings grandpa burn rights choice alert progress yep push pipeline queens rancho rad above
mississippi lee hurt samsung jordan dec ticket asking hungry slow headed producer liberty ground
riding thai estate reunion sweater pike thinks absolute nfl military members results answer moves
memphis wrap americans expo tradition korean jacket clouds pieces vip teaching boat runyon boise
smart nov player basketball jobs passion stuck worked nation culture awards reminder edition cards
army grade laughter fighting stories joins dying happier window newyorkcity pdx wood cookies canon
lodge aquarium berkeley songs obviously acting mar jam known cross hero eagle stock mill followers
zone outrage charleston purpose picoftheday regram hella seats following niggas supposed attention
rap completely text total return teacher nike deck nba crap brings clearly bowling jewelry lines
student image ate dam gettin epcot oaks kisses flower amphitheatre happybirthday phi summit begins
tells march finding pride question points sundays bird dry wishes chick tough venue showed
perfection lies superbowl echo farms seven boxing forum tourist cats pittsburgh latte shocking
laughs customer christmaseve glam venicebeach alpha ends master pants finals arkansas bernie storm
wind bell large bitches beast gas matt tiny berry courtesy seat turns bully shower frozen truck
lobster jolla shrimp meant victory angels himself download bored age dull nick usual goodness
gratitude towards within except stick trap singer expect auntie milk olive cheesecake bridal prom
weho surf chelsea ended frank flag leader spread roof pops exciting base upon horse grown fail
situation etc girlfriend smell steal excuse telling effect catholic society feliz lovin elementary
carlsbad loveit happynewyear weddings sigma soho tune glasses mass walked political fried cast
highlights mid sandwich continue families voting idk india europe added suite problems models
coolest twins yellow arms magazine complex explore regional waves autumn sauce dodger joshua mua
bread atlantic familia mesa bakersfield received stein picking spurs brilliant bacon purchase
trouble carry yup min difference bruh scared quotes kings lately gaza tipp bronx notmypresident
highland haircut homemade chef mansion coronado wanderlust reno peek carmel amazon bus source
services report search calm players appointment midnight checking lovers closed festive evil votes
broadway escape depressing revenge suites sparkle mixtape bound limited deserve hamilton feat
figure opinion justice muslims seasons wayne royal scott doctor carpet soft signed nikon blame
humans pair ramen boom staff served dates jill dumb products tax italian lmfao sunglasses weekends
therapy bean handmade sur pavilion scene century general nite bitter mondays fest sucks planning
posting changes walks swim nervous supporters dem upper study powerful richard often clothes france
homes tee precious drawing plate shops van alright jay sir iran loud forces ferry ways peter racism
explain staying apart goofy lower basic battle feelings poroshenko movement treats outlets sight
tasting sweetest feelin sport science charles based closer btw socks pray tweets swing ill pence
stole bath jokes auto process ford toy fool universe tears matters camping steps inner bass bliss
summertime americana homies april stayed jason cooking solo liberal foot throwing netflix davis
offer wave cook cloud smh nyfw reasons skills artists form apartment nasty zero salute mouth skies
comic inspire ugh outta cookie ace pup lashes pine siblings kitty auditorium stylist westcoast
interested kept oracle harder ufc recording valentine adele hits hopefully quiet alex xoxo millions
handle drake cedar program kicking candid democrats per bathroom kate nail modern strawberry
classes shades rockin civic captured wonderland hermosa launch bieber featured messi violence leo
musical terrorist jones indeed contest account yea awe patch including recent maine illegal burgers
lover rio richmond cardio corona humpday coliseum crab skyline named mon ventura setting flat nah
june hosting drops politics statement rush semester reminds anyway signs chase korea craft doors
exclusive gem plane bottom shouldn clip thousand solid casual youth sell legacy killer peaceful
toys hottest engagement dat drag premiere soundcloud pit swag needle glendale sfo monument farmers
regency friyay fourthofjuly wynwood commercial racing pack giant attempt decision below cowboys
teams baptist talent treasure delivery parking amc dressed brewery offended lookin backyard mylove
tistheseason llc wifey bayarea selling premium ridiculous yard romney awkward research leaves
hockey picks batman wrote grey vision japan giveaway host twice orders jimmy blow legendary
ultimate industry flashbackfriday pet mint henderson lips rice counting freaking fries lbs ily
hustle insta cal chi niagara screen ten dudes mcdonald traffic drug perform edge fellow furious
competition christ bistro incredibly asian normal themselves whether guns wide reach designer
decide guitar pakistan covered fill losing laws harrypotter surrounded runs involved weight built
sales cannabis shame character ideas machine fraud leadership buying aria rainbow circle leather
profile birds falling buddies navy fridays backstage lancaster pilates chilling ski palmsprings
warner linkinbio speaking anthony mail bloody became doubt hometown held kidding cash driver
jacksonville sets memory eastern panic cape hearing soccer electric changing nap sadly actress
thats crown shut actual print asleep decor classy anywhere posts product nope brick reaction teach
vinyl favs seal bmw beef fitfam beverlyhills boulevard fullerton wharf aboutlastnight hyatt iron
typical helped hosted tribute kicks passed unless capital sarah speed rule common ballroom
minneapolis glen tryna compton serve legal destroy anybody proof capture comfort cupcakes landing
director tip policy belle duck cruise rockefeller exchange chic wheel institute relationship tank
dodgers oscars funtimes lastnight cocktails mammoth cantina vineyards denim spokane botanical
styled pls chili quarter talks customers regular parties knowing thomas saved wisdom rolls
background cnn captain goin cost shirts heads bars heavy lying rocky childhood flashback william
engaged thankyou pot papa blogger birthdays painted walls sober getaway newmusic ups buffet glitter
gals familyfirst redondo uptown kappa tequila raleigh gopro excellent preview sony feature struggle
butt citizens worship wing pulled knott questions mate honest direction bang strength pines beyonce
female trips champagne adult lack potus henry suck hide wanting govt creating democracy hrc sonoma
alley fruit costume pokemon trails doll brave chapter gal whiskey arlington kent momlife
appreciation sooooo sweat catsofinstagram bestfriends spicy milwaukee caesars tasty palms chateau
puts islam february debut fucked global career honored none elect chair defense education wet items
northern schedule loss patrick warriors records rid fingers herself modeling becoming insult
sweetheart vine marketing formal display dollar heritage cancer route architecture hugs monster
lauderdale cosmopolitan professional filters tie jeans stoked barber louisville babygirl fountain
waterfall roller beachlife chapel mccarran bellevue dunes bffs manor diner eric degree clock
seconds idiot protect nebraska shall franklin insane elected bella ink terrorists meets skate
unforgettable brain soup mode sookie cure nodapl booty helps chanel resist foods judge cutting
cities savage basically department parker edit champions eats friendly focused belly greek wrapped
earrings highlight recap hogwarts snack instadaily cemetery waffle cuties nola deals jan bash
serving joseph bryant teeth hasn visits diet several drew concerts voters prayers rules celebrity
irish tall boring wells parts shining humor addition weed salem minus swamp abs jess supreme
foreign belated among discovery shape finest ourselves oscar weak kiddos ann scary runway tattoos
costa smoothie gorge shores terminal matching estates saturdays veteransday broward spots zayn
chuck billy dana sox gig network giants sept released planned conversation gotten elf stream
attacks copy score guide http owner pomona ceremony perfectly promo dangerous despite showcase
cosplay fired ignore sort roomie wash claim pictured bds expected revolution letter capturing
cupcake checked township anytime cooler inspiring peanut opened morgan suit loveher caramel raging
metropolitan chilly spoiled filming iloveyou mouse pearl stockton calif westfield temecula
chinatown woodland providence culver slay mirage happyfriday hbd styling independenceday upset rick
faves amy debate australia palestinian chain doin section workshop gucci numbers oct itself gloomy
former walker wondering according emoji fully alarm balls english fuel lexington remix concern mum
celebrated countries infinity fbi moved insurance federal nowhere closing cuban mixed greater
massive fires islands elite lab legit cop sessions awake tribe getty egg regrann reserve hidden
shack issa hoover cherry hoco packed villa ears cinnamon dancers sdcc venetian clemente mandalay
playa cliffs shore boba myrtle swipe williamsburg led devil itunes shawn freestyle saudi repeat
rapper role pancakes leaders distance tennis freezing mins cam dentist karaoke result followed
blueberry desk cider styles kills usually robert status harvest blind toast mason dis menu peep
shoulder gown designs jeff combo que amor fab realestate sleepy dancer johnny brew mermaid
christmastime grille covina hurricane tyler pissed gen wolf paying stopping teen fuckin range chat
request bow comin clothing hitting accept raise position cincinnati tommy somehow charity neo solar
growth data finds marry republic roses shadow designed winners adam spin spotted lift stud
inglewood hug ole cleaning ship daughters kit breathe meditation glee boiling picnic spice poke
salmon fran millennium prod delaware murder kendrick theatres stores barely broadcast hunter abt
gulf lineup www williams eggs congress finale trash seniors path term allowed upcoming charge
realized auburn ipa rally climate jet comfortable taught daniel shy meat medicine rep arm routine
shaking names warren duke gains unhappy flawless litty minds baked necklace extremely dresses
madness hudson temple flash fury walmart endless cave pete swimming solareclipse sculpture costco
reppin fernando recreation barbershop coconut regal pho goodvibes braids disneyworld savannah
darkness brady elections wherever receive pal worried andy carlton written gray kanye ucla jim
hashtag plays bush mention studying breath vans rehearsal hype breaks trick content ross smooth
slowly although excitement stress hatred generation praise naples response amen huh cocktail
fairmont joint wellness avoid produced higher logan maple neverforget justinbieber bikini espresso
navidad easily dick technology african velvet hurts britney transformation banana raiders cowboy
jake goat jumping mia funniest goodies baker stroll hump birthdaygirl twinning brows neon
festivities ritz honda alameda indianapolis lifeisgood pregnant cole dan isle package sanders pump
hook silence coworkers tips cbs boxer dust ham josh liam asks whoever champion lemon legends weren
nearly rides hunting chips wise pressure enter attitude vid certainly lace prison delivered silent
tbh older propaganda threat religion cabin easier hats etsy glory boulder lesson appointments
midway diy hole fog luis killin highly entrepreneur musically sin adore belong parks northwest
posing yacht humble airlines whenever shrine vineyard paramount optimism sparkling seaside newyear
cotton hangin mug skating pismo retreat wynn mango blackandwhite babyboy magickingdom chief perry
asap fighters murray levi olympic dean chico indy tiger false cinemas leads crisis veteran hates
hahahaha ban likely rogers bullshit cried stronger joined shadows signing bee tigers willing strike
regime bags allow gov mistake spanish onto concord joining screaming nancy ultra livin stolen
spencer guard evidence actorslife thunder unique amount shitty hunt beth ward cap exercise outdoors
obsession dragon amphitheater lipstick corn emerald pork rhode soaking slide grilled igers bonfire
lovehim sissy muir brentwood lovemyjob lajolla springbreak sherman nugget fillmore fisherman
decorating daddysgirl shoreline speedway boi souls belt cube countdown bowie wore hurry similar
ikea naked shorts aint notice conservative ordered tight neck praying genius badass chester ihop
gods era sandy loose punch marie bull scream buster maria autism waited surgery rob tokyo annoying
beers speaks poetry active birth bryan corporate risk wicked massage platinum options grande
miracle nazis deer grim retweeted monkey juan shade wildlife nephews icecream emma molly
spectacular jeep treated coldplay ish breathtaking climb scenery rings shoe beard restaurants melt
despair fur packing heels climbing lash burrito streetart chasing thang spotify coco breeze
spaceneedle lagunabeach poolside livemusic curls chino colorful waffles greetings cathedral
waltdisneyworld digital deli assad aug certain punk wwe thick discover jealous yankees cameron
roomies specials visual roxy cliff lions gain finger root blowing broncos travels peaks sang
neighbor canadian kelly bruno advice beaver lock lip fantasy bench def victims prize rate ghost
funeral sean freshman grew visited sink fed rider couch loop chaos champs arianagrande sees plenty
leaf harlem announce kicked civil images neighbors liquid donut dome romantic complain motor
healing tha workers priceless cops production oops ivy nicole lion bahamas raining reflection
breezy noodles bug lisa silverlake lanes pleasant ribs orchard snuggles sorrynotsorry workin
flamingo paso havasu sap minnie redwood carnival mas nieces saloon extensions newportbeach
montgomery trailer crack cares jessica stomach cheering tonite limit israeli effort lgbt kevin
jerry amo argument rebel naughty bucks championship secretary supports treating abbey owned
presidential foster fears adams prove tucson adding duty advantage stairs however shelter wrath
burst lewis diva appearance headquarters native pretend wikileaks pin blocked mostly twist kindness
nana signature adidas kobe becomes crushing grant nine pushing lebanon basket addicted flip
stealing vancouver roots clark ing haters introducing darling landscape dreadful newark alice
squadgoals dental californialove whittier avalon nutcracker puppylove belmont legoland torrance
westin twas lighthouse walnut stratosphere barn cheesin bestnine laura otherwise failed brian chest
ginger leading rising twilight lucy soo windows duo possibly pussy themed passing nothin supported
reports anime stare scottsdale drivers andrew abc fusion perks shared aid bubble blown palo
independent lobby replace information nut adults worthy cultural laundry exist prep squeeze raised
pretending gon bite corruption neverromney steven dolores manager dare quit suicide comments witch
bracelet soldiers shipping easter pasta wax twenty fools murica glorious nutrition cha ana messy
smoking disappoint mourn annoyed kissed catering lavender whip rochester buena jingle prettiest
cakes sassy outdoor gourmet sterling lakewood cuteness roosevelt dreamy parkway edc chloe promenade
gamma pioneer garage midtown clearwater buckhead aaron republicans deserves pun seth perhaps
considering bbc sake title computer announced christians wilson direct projects marvel describe
artwork cheap england trend margarita grandparents triple leftovers hint innocent dedicated sesh
hannah impossible safety fails rent folk mars holly heck sec invite hardest bears switch depressed
athens managed bentley forced toyota plant value kyle balance rape alto tweeting rescue lakers
mercy nose nations blocks offense potential spider hillaryclinton civilians grounds stays memes
kirk graffiti petty indoor label smells meanwhile pocket tons patience uses bel vegetarian meme bon
est closet corps puppies core nationals bunny awhile alexandria period cow pals lonely ruby fierce
nerd hampton dang pout irritate mighty followme pepper retro coat lawn trinity edm monroe lalife
westhollywood calilife lovelies melanin holidayparty potd longbeach eugene wce shoplocal lovethem
huntingtonbeach hairstylist springfield wilmington washingtondc anna constitution scare windy slice
threw connection prices option supply directed milan actors sums knowledge garbage portraits
gilmore floyd jus tournament jane frame related dressing council frisco confused spectrum proper
funded remind noble danny chose muslim saving runner splash windsor retweet manchester treatment
battery stood ceo anyways lay virgin administration sample bam sleeve healthcare auditthevote zen
lessons negative gosh corrupt slightly keys confident officer necessary drove lingerie biz
democratic survived witness sum fallen tries productive language spreading southwest dating dig
glowing tiffany louie miller mercedes fiance bud circus spontaneous subway skirt polo stretch
delight stepping dread aurora athletic greenville spinning fella sweets chula downey beachday vacay
residence apparel lafayette fairfax bling polaroid kickin torrey homesweethome drai oyster depot
bourbon holidayseason bubba terrace dumbo ymca sema gram namm roadhouse destin fulton nicki correct
gaga republican lived german gala claims rays facing sos trending android impact amanda robot
courage nor topic besides consider thrilled globe heavenly statue anderson empty worldwide web
lauren harvey ballet jon didnt hampshire suppose sting couples impressed hiding bouquet notes
perspective development thousands lands failure fishing groups lyft waste personality venezuela
everytime exhibit dutch feast wilderness editorial benefits skinny nordstrom writer pays logo
patient houses prints rachel relentless shiny kno lifetime dawg rapids gbbo horrific joyful rollin
beaches kennedy toes freeway barrel imperial cooked landed omnia albany catalina setlife laketahoe
ale daly liketoknow oysters highlands renaissance lunchtime friendsgiving westlake madame husky
barclays embrace minister lens dining crash documentary recently arabia thor address humanity
heroes tail mic madrid bottles howard sydney european loft upgrade benefit male pumped net apply
assume marcos stops difficult decisions rough colour playlist gaming pulling africa clubs laying
lawrence shift discuss doc grass spy whom logic beta mud weekly penn generations midwest
progressive mpn threaten protests beloved teachers melting donate traditions messing protection
immediately quoteoftheday whats drama nowplaying prepare relevant veggie lego podcast partners
myers emotional prayer jumped idiots whose bucket julia motion tunnel drugs mart thee assembly
tongue bones feelthebern warming traditional inlove sketch muscle begun pandora baking usc avocado
chipotle lively garlic horrid pole metro girlfriends snacks celebrations meadows patio hyde dab
vegasbaby encinitas marin makeupartist runyoncanyon arrowhead ducks choreo takemeback haircolor
brotha sanfran scenic waterfalls realtor stripes sheraton coral banquet floral omaha centralpark
regret arch harper craving harrison wright chamber reply eagles evolution exhausted dot hmmm vol
feb founder barcelona eyed labordayweekend niall vanilla introduce candidate rooms spoke audio
episodes prepared tops poster platform hangover mothers noon unbelievable woo tables reward carter
larry draw buzz cinema economic example lyrics rum eyebrows hooked birmingham average groom creepy
bible blacks schools panel patty funding superman hub practicing choices mlb limits hawaiian
gospursgo audition constantly upton crimes alternative housing junior files financial inches agenda
plastic mitchell piano greens definition advance karma ear hers stands dip filthy curry ornaments
sleeps concept sizes crossing chip collective aerial tape charm quickly levels spell obligatory
tunes branch des cambridge silk dame sammy bowls penny dive bikes nightlife marathon palette comfy
pond marquee pumpkins vlog comingsoon kinney turnup malemodel instatravel willow hollow fuego
santacruz copper marketplace porter djlife safari durham gymnastics complexcon barre westwood
coastal iced beautifulday fashionista balcony instamood moma mural atx knoxville brickell irving
credits sheeran finishing jean donated opportunities collab roger extended olivia faster olympics
wed ability rihanna jews draft doctors brazil gentlemen booking continued neither seek religious
talked majority interest responsible imma crossed jewish allowing islamic swift kenny germany champ
keith executive doesnt chevy harris appears knock register clue hawaii ages egypt canal coverage
weapons map aware idol completed opera exam baldwin tix sharp chavez vida loyalty representing
gaston roads environment honeymoon mvp include iraqi agency asia riverwalk animated rudy stevens
bells bump pedro unreal flynn meetings donations wheels resistance throughout casting arrival
moonlight decent annie jefferson peoples rim photograph iii protein youngest recipe ours flames
remembering wee goods install abby sara axis gracias arrivals accessories elizabeth troy greatness
beans lap playground searching cinderella unexpected turnt wrapping cheesy tulsa tiff randomly
giggles hung snaps sparkles preschool fields goddess eatery beanie cocoa turtle jolly koreatown
mybaby dearest elk flavor gameday cerritos roommates improv porsche lombard santabarbara sierra
boyz mocha saturdaynight missin instagay encore uss reservoir happygirl northridge creation hookah
martini mimosas happyhour cuisine beacon bellingham prepping lola beating kerry eight ian homework
tags hurting accidentally lookout trial mma carly hotter lemme jets remains screening prefer
belongs included owners button ruin opposite thompson fil cable dies economy clown jacob essay
blanket smoked caused criminal alumni further flew creativity songwriter thin syrian affair
equality insert promised opens saddle upside raising cuts discount bishop scale behavior resolution
imax pig mannequin deserved funds tone eventually torture cooper underground arrive santana exact
bombing attending highest presence mel illustration pace hayward butterfly ted enrique fargo
modesto surprises unknown authentic ferguson expensive amazingly clayton circa surely footage
panthers brandon lime showtime musician offend sip potatoes powder fade bernardino loml workflow
romance por den hoe clinic brighter bmx cannon coworker lucas setup overlook toe elephant roommate
weary discouraged cheeks shoots edwards laurel coaching gathering jungle szn warehouse dub ahhh
skateboarding getoutside diamonds hoes gingerbread pch fountains rocked nofilterneeded lakelife
norwalk sunnies monte softball sfmoma topanga comiccon sanjose nachos brea astoria clara melts
campfire veggies photobooth muse alcatraz myboys vermont hoodie campground harley benz regranned
began reporting jennifer oldest ninja murphy agreed xbox refugees kris injured fri mario easton
math brands icymi chosen defend georgetown apps premier yankee hrs barnes unfortunately joel
destiny offered drum squat iconic clutch msm aye extreme tracy carlos fund cuddle costumes chop
ignored watches destroyed campbell cypress construction presidency loveyou comics forgive retail
reagan whoa bugs pizzagate represent latin companies hitler fever emergency nude entry approach
farewell les accounts dictator patriotic strange scarf bands jen startup boot suffering helpful
chrome accent maker banks halfway bodies macy viral physical democrat supplies plz alike rabid
anthem skip metal phil pies approved volunteer vape surround sue recommend naval angle surreal
snowing medium meaning embassy crest alfred acres aww contemporary confidence canvas freakin
addiction bartender steel merch spotlight stuffed drank playful sophia mylife pan joey grudge
restless cloudy cuddles semi fellowship travis rosa furry olympia funk newborn mateo fiesta fleek
vacations horses buns grandcanyon nos viejo interiordesign noho fireplace applebee beautifully
montclair theweeknd preserve luxor alamo brewhouse linda galleria burningman hwy blossom ojai
liketkit ava ces nomnom vivalasvegas bedford pelican harrah loveofmylife selflove riverfront rouge
roasted lollapalooza neworleans norfolk unc conquer favor blair noise volleyball arsenal amendment
blm sides gary screw harmony actions brazilian tied barca returns buildings flies jammin mag
covering load duh psa katy piss gap sons brad sends warning signal jackie leggings espn expression
obvious laughed madden attend pour emails rude nikki staring icon scratch remain impressive holds
bruce desire cardiff lied nuts masterpiece skiing privilege aca zacefron facial twd porn file pjnet
porch sings pokemongo hating bonus dose ariana nuclear features breitbart charming pres causing
matthew tastes conflict arrested bonding stephen dmv devils crushed socialmedia blu organization
mmm pets dirt nasa nelson faux graduation burnt quad excuses feeding experiences fifth fyi bubbles
rogue constant valencia detail cracks sigh drummer accurate hoops dinosaur rabbit powell spray
chandler loans pebble brooks tire harbour spirits visuals mis noah sacred mmmm hut potato athlete
warrior nom sol grinch delish rack craftbeer ornament snowy sausalito poppin linq grandson
downtownla wilshire yeezy calabasas farmer headshot pineapple swoon dca gayboy baes cane travelgram
sunnyvale playboy gluten dolby solvang fridaynight playhouse fransisco wines soda ombre flame
clifton tussauds bayside magnolia overload boca johns daisy topgolf miamibeach chattanooga pac
janet loser split eden allah yakub bobby gandhi defeat hire gunna russell mccartney pounds hehe
pathetic albums juicy hated envy admit fundraiser journalism collar fabric metlife messages
smartphone plot cups candle passes dexter personally knee riot combination cactus remembered
sentence robin wont ohh guests curious bun collins miramar mainstream fortune whitney trucks demo
daytona hmm laid oasis memo vodka cameras coal billion oliver petition illegals hiring jew
bombshell division deeplearning patients answers panini stats politicians flu donaldtrump sub
expert intelligence horizon flights vive grocery vanessa timduncan ash essential stylish miguel
protesters association achieve nevertrump crooked ken regardless counter cigar lifting reception
income katie atmosphere eva violent meow invited influence mob knocked vitamin celine julian greene
outlet pilot relations wdw nailed governor harvard cody edited mane letsgo otw lily cyber rusty
norman treasures decorations produce brush subscribe tracks redlands symphony weekendvibes gibson
kinds peninsula crop ruth westside material welcoming edmonds alcohol sup gentleman hubs hilarity
editing frown crisp boxes marcus northcarolina salty sticks pablo claire almond flats bih carl
worlds graduated mystic tropical hangout sausage makingmemories chandelier abbot instalike tijuana
sundaze repostregramapp seaworld happysunday christmasparty leavenworth roseville tri mojave
thebroad caffe happyplace fontana halo boomerang gaslamp sls salsa fairgrounds mce bestest fambam
loma choreography brass folsom marmont littles tia hawthorne citywalk nationalpark audrey layers
creds seatac verdes tac macarons arcade arboretum photographers essentials seahawks daze hoboken
eastside blackgirlmagic laborday curtis emotions mayweather kpop dads sharknado seas employee
imagination fairy kardashian selection bills hulk disco kane stressed pitcher refuse ireland
genuine boost dunkin freak budget dawn deleted hammer dublin believes shouts bailey paisley scored
float systems labour odd liar wrestling wrigley smokey lululemon performances entered ers citizen
purchased author ella victim doe smiled pointe beatles bone delayed tours kissing membership pages
spain bryce popcorn committee warmth coke tripping pak cia accepted repeal fidelcastro demand
racists veganism unitedstates mental located michel hikes ahh drums awareness conway machines ima
passport imwithher vehicle miamibookfair legally moscow returning omega snake californian indie
outfits pitbull disgusting sprint damage tricks melted athletes experienced includes djt vincent
fringe siesta engine agent drives autograph fault breast vernon rosie survive mans lamb phantom
eddie danced hypocrisy warms pups bridges busted bald gross clay heather recovery plain takeover
arthur anne ringing cart slept heartbreaking safely miserable sayin southeast djs xxx maggie
unlimited lynn wig cobb chicks pessimist val haunt shark din facetime gum marines pnc tomato
squirrel brunette funinthesun jax artsy yyj dime socute toledo tara omni tcl couture sweaters
impromptu truckee curly brow behindthescenes dim buds westchester bomber trio sista summerlin
arcadia centurylink outing oxnard madre arbor fred homestead mills newlyweds paparazzi courthouse
fonda lasvegasstrip updo unconditional element snippet cherish wiltern grinchmas ilovemyjob mimi
beau northeast yogurt parlor marquis liv fayetteville baton augustine petersburg summerfest locked
maiden aldean melissa required biscuits truelove complaining rollins expectations poll patriots
commission jamie ipad operation leon evans disappointed updates greg groove selena senate tear
compare loyal derby hart zumba license furniture lopez hmu wth arguing motorcycle presentation
region trading journal bradley clever warned occasion alicia mamas dodge recognize whitehouse
hardly blew positions exposed ashes dollars terrific infinite tao greet shines watson films jeremy
relief alien julie zombie legion swap areas noticed woot thus ministry realtalk ego bare rookie
toddler destination lou intro fascist slaying planes vogue mcdonalds wander motivate hud
supremacist historical insecure choosing marks younger ties essence grandmother raul paddle reads
unite davey reveal values hacked stocking citrus hipster para virtual fixed integrity exit analysis
property renzi referendum hunger prevent beasts arriving touches fights caring suffer previous
mistakes protesting convinced offering dislike awww radical standup muhammadali directly waters
christopher spears andrea bin ram technical familiar fry diversity ignorant resting dani caribbean
homeless odessa pins software palestinians digging kendall supportive wink speaker forms figured
mindset twisted ignorance rivers phenomenal shell shits maternity pillow plants meals sandwiches
sheep timeless mates ralph caffeine reaching commute soap nycc listing lowkey sanctuary dish links
flex wifi descanso hobby riley snapped fiery texans denny megan mixing ashland tantrums bake
converse hoop vanity habit makin locks topped tagsforlikes lifeisbeautiful shoulders jenny
highschool yas mentor squats refreshing moda happymonday rave pensacola smiley friendships shasta
hermosabeach tanning basin lovemyfamily norcal bachelorette gems selfiesunday fellas blurry
godisgood burlesque roasters acai peach sac palmtrees instafood gelato mickeymouse chrysler dapper
antique beginnings tustin stanford mygirls theforceawakens fork palos christmaslights yogi cruising
sparkly moreno noodle rink lodi pottery shenandoah jamaica plano sarasota busch greensboro hartford
southbeach packers argue xxl verse fate nbc modi naruto wasted tees reform mega fits wat domestic
pleased seinfeld saints condition nirvana kurt ruined minions marshall discovered compared pirate
entertaining australian extraordinary contract brook launched clubhouse rant keller updated banner
exhibition impression providing markets shameless freshly chances daesh billboard voices shock
rhythm standards mustang trophy considered cycling satan taxi supporter ive slam mtv advanced
dealing phones isnt tina advertising lame acl tempe ellen zion vice reported rex mystery fence
memorable trumptrain irrelevant strategy danger tai hail scores ukrainian increase introduced
cosmetics parent airbnb worker percent collect relate liz identity effects underwear holder hack
ripped bombs celtic uniform troll ambassador reminded subject bid mandatory divided gigi matches
cracking kremlin afford printed nbd covers admire respond trumps multiple stranger invest badly
tide dual interstate shelf loaded scum dnc mah investigation item responsibility burns compassion
soulmate colored pearls pastor feminist donation listed zoe cuter landmark matthews worries
concrete courts gender beings kashmir interviews thoughtful costs bum foggy soldier talkin
professor inspirational comedian hottie martha channeling hash officers acoustic breathing kitten
rumi judy sticky bloom uni announcement ahhhh mister bluff inviting coin vest viva aspen bust
popped sharks satisfied starving newjersey alexis cheery pleasing winston sunk cod tooth panda
showroom staten simon shawty candles pastry intimate brat lakeside tweegram stevie lighter bedtime
moody positivity tucker webster matcha mornin fuji soak cray woohoo desserts decorated nicely werk
props biscuit brighten myhappyplace cone keepin joshuatree blink loveyourself equinox romper brides
padre pizzeria benihana matte stellar britneyspears repping thbirthday rainier legday orangecounty
sweetie adobe oregoncoast dee snowboarding bjj braid glutenfree munchkin beaut traveler proudmom
hare edmodo crib orpheum eaton petco boymom happysaturday shelby rnb ilovela beforeandafter
newyearseve optoutside moe warped enchanted brunswick paired panama dayton happyhalloween bushwick
pigeon edgewater brooklynbridge confirmed odds ant sunlight ethan foo fml reflect scotland dustin
commitment angela cent sore cancelled verizon sibling charged serena jenner choir hogan swan fudge
shipped alliance turner knitting planner newly useless siri gin marley helicopter mentioned pile
returned divine bridesmaids ooh stack asshole suddenly collecting cos frankie grammy grad sources
rye maya masters hawks bond hangs taxes solution shipment murdered cab concerned struggling steph
keeper activity offers flyer bat throws havent deaths workouts mores arrow eternal ignite bundle
polish outstanding chad ang jupiter someday seed tumblr connected alexander advent timeline spoken
hayes interests yikes lyric ummm summary offensive nicolas awaiting inch opposition assistant
carrying fashioned spiritual placed challenging pattern jfk ashamed promote apologize vehicles dak
pony receiving alternate hundred liking rejoice railroad catches babette characters frog reporter
designers believed niallhoran lasts queer dept dysfunctional ally funky carol activities sioux ton
physically darker guilty sooner stance samuel challenges shocked aesthetic iot todd unity gordon
nathan touchdown mae coaster sponsor headphones committed alot backs whipped bounce locations
cleanse nuggets reverse jewel hardcore grabbing gimme lining volume soooooo ingredients elle
haunted zip accessory nate moana backwards donna majestic gameofthrones booze pat slap types marco
casey aura consistency maze gmail astros booked yelp clam rangers tay discourage balloons voodoo
blend acrylic plymouth camden wardrobe irritated sangria flavors basement barbecue wizard basil
reef chang foe okc myloves lovelife sticker entrance jelly lamp ritual kat lemonade skincare
spiderman glamour photogenic thirsty solstice grams enjoylife unicorn dorado trader oven
adoptdontshop courtyard frenchie visalia strand claremont bookstore naturalhair peppermint stout
positivevibes fitlife notre escondido foodies instapic rehab tortilla fairfield ent purposetour
bigsur sundance gracie weights herbalife madera crochet hollywoodsign droppin reminiscing
instafashion cabana plaid photobomb sincity frenchbulldog penthouse mira evergreen palisades spaces
seaport paseo mygirl knight camarillo blush citylife handstand cola tamales polaroids rib roscoe
headshots haus ivoted coffeetime glacier debbie piercing grooming rosemary amber phillips asheville
yellowstone montauk lubbock eid rousey zoom towns refugee gifford playstation lamar brock leaning
merkel marked soundtrack pills jury largest scoop maxwell boats experts succeed error maid courtney
jiujitsu interior ios papi valid britain mask terms sometime household height scandal intense
appreciated outs investment therefore venus coz shes transfer unable buck forgotten geek atm alaska
toilet immigrants opinions cartoon whoop marilyn businesses grader emo calendar injury trends
crowded snuck acts bites nurse philippines afghanistan basis smash milestone continuing fought
linked prospect supper overall reid rainforest nova ohhh jesse carried tool kkk dairy writers gays
powered provide dapl searches equipment effective banned realdonaldtrump israelisburning boogie
context defending patriot rarely ron affected int settle florence shady overnight rejoicing mead
standingrock jail regarding aside faced steaks rocknroll accident decades policies walter
consequences authority lightning snowman earned growl allows bitcoin luna nickname nat charger
tutorial libra purge sites franchise filling prob sands sparks dash montreal habitat erie sporting
troubadour jared cavs visitors mirrored recruitment plug nutshell wonders blackberry pipe cliche
creations wealth realizing girlpower teamwork disease sponsored lick normally truffle creature
inquiries dunk losers youre admiring connect teammate kaiser priorities rockstar amazed approaching
clowns deliver mosaic gateway sour pirates rae resident natalie cheat douglas cunt lalaland fin
awesomeness vader improvement sweeter bedroom warmer resent nest uno mack intimidate spooky panther
gump butterflies vet expecting ladygaga forth puerto browns grumpy plantation musicians batch
rainyday lone kodak suits mojito notcies sweaty napping gel thebest timessquare jumpsuit boone
pouring familyvacation forge stl homedecor basics tcu triangle countrymusic ballard mastro betty
conservatory gilroy redwoods davenport lbc violet quinta clarita crunch obispo kimmel missoula
sorority mybabies strolling mamma wod swimwear boating apt finna manhattanbeach motivated sonya
staycation sundayvibes margaritas whale doughnuts jiu dopest cascade capitan aladdin
santamonicapier monrovia bundles roadtrippin madeinusa kirkland stella dolls ohana hardsummer
snuggle volunteering shopsmall palladium morro beaverton haight visitor productions grub playtime
beachin karen calories tropicana captainamerica unionsquare circuit pikeplacemarket nuys sycamore
mexicali pantages starlight myboy havana alexa bagels bainbridge ceramics raceway mushroom onset
hakkasan cottage sunnyday smoky jingleball rode lex dia weddingday goose marietta forsyth decatur
asbury sedona annapolis prairie vegasstrong follows nintendo moto fiction nash thrones erdogan
corey terry screwed rahul mariah snl invisible reached jurassic alongside grabbed fridge bold
shorty mitt anonymous nigeria delightful jays idc accomplished presented madonna spit management
published instructor cheerful homo sabbath barack brutal knicks remembers victor conversations
releases nationwide porto carrie theaters garcia population pursuit playoffs lebron brenda denied
nurses dale promoting agreement darn sudden outcome gomez profit vile proposed mentally doug
tragedy encounter ccot elvis operations varsity brighton monkeys explains aged headline targets
mariners aim divas cycle appear ideal articles loco trunk rsvp adopted blaze reminding flipping
fascinating offices tanks innovation scam flee humanrights racial smaller cough auspol supremacy
disagree websites hacking retirement truestory haley accepting dom captures deny libs roman troops
como nobel lib function teens proposal latina firefighters attended yemencrisis stephanie americas
mosulop desperate manufacturing cell thread rockets oath requires rec oils useful letters terrified
efforts ffs appeal minority whites improve gather ins mayor resources attached martial lawyer
animation decade usher optimist surrender weirdos rigged magnificent harm impress drones blunt cage
teamfollowback ignoring barbie graphic appropriate struggles fluffy slim abandoned junk bees meh
studs brownie yourselves preparing infamous rail intelligent woah splendid pow determined
affordable steam oxford proudly auction tub cigars generous blank lean sights television certified
luxe lutheran bahama overdue thy strangerthings tailgate makers pause happily willie touching
heartbeat randall mercer producers maggiano neutral perch secrets cleaned branding recommended
avery shabby provoke popping rooney graduate sofa spam queue pale wraps kik puff taller fruits mat
kayaking gabriel marshmallows brooke snuggling worn kai maddie tfw stlouis owl roy tflers lindsey
staytuned shakes glimpse loveislove blah carefree blondie yolo warwick audi upstairs fireball
sephora angles stitch iam zach giraffe chai condo tshirt pudding robles yarn outback bothell
pacifica pendleton godson granddaughter hangar bluesky teamusa coastline creamery smores botanic
fashionblogger sequoia hershey pixie farmersmarket blondes accidental bicycle adventuring warfield
masonic lovemylife hellokitty urth tacotuesday strawberries daydreaming paleo ferris kbbq murrieta
lituation purse partytime chihuly mirada bootcamp mami mistletoe portlandoregon hairstyle
mcmenamins deathvalley neverland mendocino poppy afro reflecting thebroadmuseum dadlife bonita
worldseries cirque ariel azusa sofitel squaw sage chihuahua oldtown oceanbeach sciences vallejo
lush halls twinkle puyallup thegrove livermore jcole monmouth commons goddaughter skatepark
saratoga camo summervibes tuesdays throwin moines plum honoring shannon relaxation dragqueen aveda
reynolds methodist keeppounding minime lagoon girlies piedmont sanantonio woodlands galveston
albuquerque mississauga kansascity ozarks wichita irma javits audience steelers coaches fenway
judging milton tests biased girly owen promises playin opener closest competitive couldnt
conspiracy dimples weapon shirtless perfume kingston correction hebdo tweeted poem arrives esp
comparison lux quest understands floating nascar palin socialist cus trained neymar delivering
fifty log pix phase romeo msnbc martinez woody newton starter guardian coincidence royals piper
backed spoiler complaint elderly witnessed destroying scout sag rod intended threats slip stan pros
mayo upload randy shea hugo harrystyles exploration investigate deadly trumpland urgent tale fgl
capable latter develop avon acceptable blows mil poison fascists conservation sophie provided
halftime consumer accused tin conditions teddy abuse bristol seagal camps sustainable coup
kremlintrolls drill performed ftw jamming officials demanding prescott enemy fearing bullying
mosulops cheek fighter tremendous pushed assange critical congressman dym amsterdam gravy fcb
editor overwhelmed drain donating unit convo poses disability coupon server pint disgrace
volunteers remove theory moron scan disaster reviews quiz dprinting badge opposed brief communities
caps denise toxic dozen thou sebastian weave sinai understanding developed geneva pearson deeply
hateful minded tits fitting taylorswift thrown burned worthless sliders permanent theres followback
slick zombies toward dove firm leftist dreamers roberts wks launching trains dir erin sonny
autographed reservation relationships pong starring possibilities lettuce cybermonday travelling
nypd rustic polar dentistry uploaded freeze reflections abundance educated tru blowout tagged
superior victorian hmmmm waltdisney representation cases shelves mirrors upgraded classroom earn
stations jade lads rolled terrifying noir improved eiffel bart emmys lowe seeds sipping makeover
length grapes decides wallpaper careful shakespeare priest tuna straw dye shooter properly lifts
bern joker mani lasted bluffs networking suns resentment instantly exhilarating dishes jasper
layover leopard hesitate contagious darthvader chills annoy glutes ivory nudes dreambig bonnie pjs
chalk grinding jams onion mothernature peas cory trek expressions crow chronicles monstermmorpg
parish dedication versace deadlifts amaze lifequotes tots clovis onelove fearless herb kindergarten
extension rounds thuglife timelapse formation delano gifted weirdo doggy ellis rosebowl tlc balloon
igdaily helper stunner vibez touristy slayed rivera bremerton humbled bellflower minniemouse
backpack temescal vegasnights sprinkles sixflags padres encino hillsboro bigbear pug rodeodrive
sonora slo baja girlstrip centennial classof dine cashmere dume exchangela pnwonderland dances
bestoftheday oro goofball repostby goldengate hiked coldplayla lovebug canton sail goldenretriever
perris meridian fishermans tita victorville seals overlooking lakings mimosa puente usmc niguel
wolfpack hillcrest jitsu summerfun meadow segundo tourlife grandmas kimpton spoon peppers takin
surfing chowder dock continental leap kcon redwhiteandblue upland palazzo showbox renton bottega
luvs fireside atomic kale prettier highlandpark girlsnight bodybuilding snoqualmie stagecoach
boathouse dubnation dogstagram atwater streetstyle babyshower theta nobu crepes quincy canyons
defiance chevrolet coolin livingthedream bayfront cinemark rental jude brews skateboard villas
freddy ristorante reposting pancake luncheon ronald selfcare petit sneaky elm otay cheerleader
portage bridesmaid instalove handful wagon stones blizzcon horseshoe mothersday lovebirds myworld
gables toms stuyvesant smithsonian charlottesville budweiser rutgers duval joanneworldtour thurs
idgaf norris eminem parliament freddie apologies combine alan console feedback vocals wears senator
touched liverpool buyers recall streaming aliens pursue concerns deadline whistle surprising rory
richardson
"""

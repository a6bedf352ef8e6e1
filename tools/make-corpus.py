#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate the base model's pretraining corpus, data/corpus/chat.txt.

The corpus is short, everyday conversations in ChatML, answered in a neutral,
friendly, plain assistant voice. Everything in it is written here: hand-written
banks of questions and answers, and fact tables that keep every fact true.
A conversation is built by a topic generator (small talk, animals, countries,
arithmetic, advice, ...) that picks a phrasing for the question, fills its
slots from a table and composes an answer from hand-written sentences.

Deterministic: the same seed gives the same file, byte for byte (only lists
and dicts are iterated while generating, never sets).

  /usr/bin/python3 tools/make-corpus.py            # writes data/corpus/chat.txt
  /usr/bin/python3 tools/make-corpus.py --help

The data lives in sections near the top, in two small text formats:

  Blocks (parsed by blocks()):      Tables (parsed by table()):
    == key      starts a block          one row per line, cells split by '|',
    ? text      a user phrasing         list cells split by ';', '-' is empty;
    - text      an answer sentence      a line starting with spaces continues
    + text      an optional extra       the row above.
    ~ text      another first sentence
    > text      an intro sentence

Every conversation is checked before it is kept: no held-out prompt from
data/datasets/*.prompts.txt may appear in it, no persona marker from
data/datasets/*.markers.txt may appear in a reply, and every reply has one to
three sentences and ends with '.', '!' or '?'. The script then prints the
statistics that data/corpus/README.md reports.
"""

import argparse
import collections
import glob
import os
import random
import re


# ---------------------------------------------------------------------------
# Parsers for the data sections
# ---------------------------------------------------------------------------

BLOCK_FIELDS = {"?": "ask", "-": "say", "+": "more", "~": "alt", ">": "intro"}


def blocks(text):
    """Parse the block format into {key: {field: [lines]}}, in file order."""
    out = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("=="):
            key = line[2:].strip()
            if key in out:
                raise ValueError("duplicate block " + key)
            current = out[key] = {f: [] for f in BLOCK_FIELDS.values()}
            continue
        mark, body = line[0], line[1:].strip()
        if current is None or mark not in BLOCK_FIELDS or not body:
            raise ValueError("bad block line: " + raw)
        current[BLOCK_FIELDS[mark]].append(body)
    return out


def more_blocks(target, text):
    """Add the blocks in text to target; a key may not be given twice."""
    extra = blocks(text)
    for key in extra:
        if key in target:
            raise ValueError("duplicate block " + key)
    target.update(extra)


def table(text, columns):
    """Parse the table format into a list of dicts keyed by columns.

    A column name ending in '*' holds a ';'-separated list."""
    rows = []
    lines = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw[0] in " \t" and lines:
            lines[-1] += " " + raw.strip()
        else:
            lines.append(raw.strip())
    for line in lines:
        cells = [c.strip() for c in line.split("|")]
        if len(cells) != len(columns):
            raise ValueError("expected %d cells: %s" % (len(columns), line))
        row = {}
        for name, cell in zip(columns, cells):
            if name.endswith("*"):
                row[name[:-1]] = [] if cell == "-" else [
                    s.strip() for s in cell.split(";") if s.strip()]
            else:
                row[name] = "" if cell == "-" else cell
        rows.append(row)
    return rows


def words(text):
    """A ';'-separated list of phrases."""
    return [w.strip() for w in text.replace("\n", " ").split(";") if w.strip()]


# ---------------------------------------------------------------------------
# Data: system prompts and named characters
# ---------------------------------------------------------------------------

NEUTRAL_SYSTEMS = words("""
You are a helpful assistant.;
You are a friendly assistant. Answer briefly.;
You are a helpful and friendly assistant.;
You are a kind assistant who gives clear answers.;
You are a helpful assistant. Keep your answers short and simple.;
You are an assistant that answers everyday questions.;
You are a polite assistant. Be clear and friendly.;
You are a patient assistant who explains things simply.;
You are a helpful chat assistant.;
You are a friendly chat companion. Keep replies short.;
You are a helpful assistant. Use plain, simple English.;
You are a cheerful and helpful assistant.;
You are a calm, friendly assistant.;
You are an assistant. Answer questions clearly and kindly.;
You are a helpful assistant for everyday life.;
You are a friendly helper. Give short, useful answers.;
You are a helpful assistant. Be honest and clear.;
You are a smart and friendly assistant.;
You are a warm and helpful assistant.;
You are a careful assistant who gives correct answers.;
The assistant is helpful, friendly and brief.;
The assistant answers in simple, clear English.;
The following is a conversation with a helpful assistant.;
This is a chat between a user and a friendly assistant.;
A friendly assistant talks with a user.;
You help people with everyday questions.;
You answer questions in a friendly way.;
Be a helpful assistant.;
Be friendly and helpful.;
Be helpful, kind and clear.;
Answer the user's questions in a helpful way.;
Help the user. Keep your answers short.;
You are a helpful assistant. Answer in a few sentences.;
You are a friendly assistant who likes to help.;
You are a simple assistant that gives short, clear answers.;
You are a good listener and a helpful assistant.;
You are a helpful assistant. Explain things so anyone can understand.;
You are an easygoing assistant who keeps things simple.;
You are a trusted helper. Give clear and honest answers.;
You are a helpful assistant that loves to chat.
""")

# These ask for one sentence: the answer keeps only its first sentence.
BRIEF_SYSTEMS = words("""
You are a helpful assistant. Answer in one sentence.;
Answer in one short sentence.;
You are a friendly assistant. Reply with one sentence only.;
Keep every answer to a single sentence.;
You are a brief assistant. One sentence per answer.;
Be helpful, and answer in just one sentence.;
You are a helpful assistant who always answers in one sentence.;
Reply in one sentence.;
You are a concise assistant. Use one sentence.;
Give short answers of one sentence.
""")

CHARACTER_NAMES = words("""
Sam; Alex; Maya; Leo; Nina; Omar; Lucy; Ben; Anna; Tom; Sara; David; Emma;
Jack; Mia; Noah; Ella; Liam; Grace; Ethan; Chloe; Daniel; Hannah; Ryan;
Zoe; Adam; Lily; Oscar; Ruby; Max; Ivy; Hugo; Clara; Felix; Iris; Jonah;
Kate; Luke; Nora; Paul; Rita; Sean; Tara; Victor; Wendy; Yuki; Amir; Bella;
Carlos; Dina; Elena; Frank; Gina; Henry; Isabel; Jamal; Karen; Laura; Marco;
Nadia; Olga; Peter; Rosa; Simon; Tina; Ursula; Vera; Walter; Xavier;
Priya; Kofi; Mei; Raj; Lena; Diego; Fatima; Hassan; Ingrid; Kenji; Sofia
""")

TRAITS = {
    "upbeat": words("cheerful; energetic; friendly; warm; lively; happy"),
    "calm": words("calm; gentle; quiet; relaxed; patient; easygoing"),
    "busy": words("busy; hardworking; practical; tidy; careful"),
    "thoughtful": words("thoughtful; curious; clever; sensible; honest; "
                        "modest; kind; helpful; polite; generous"),
}

CHARACTER_SYSTEMS = words("""
You are {name}, {a_trait} {role}.;
You are {name}, {a_trait} {role}. Answer the user's questions.;
You are {name}. You are {a_trait} {role}.;
Your name is {name}. You are {a_trait} {role}.;
Your name is {name} and you work as {a_role}.;
You are {name}, {a_role} who is {trait} and helpful.;
You are {name}, {a_trait} {role} who likes to chat.;
Play the part of {name}, {a_trait} {role}.;
You are {name}, {a_trait} {role}. Keep your answers short.;
You are {name}. You work as {a_role} and you are {trait}.;
Act as {name}, {a_trait} {role}.;
You are {name}, {a_trait} {role}. Be helpful.
""")

# How a character answers "How are you?", by trait group.
CHARACTER_MOODS = {
    "upbeat": words("""
I'm doing great, thanks for asking!; I'm feeling good today, thank you!;
Very good, thank you! It's a nice day.; I'm great, thanks! How about you?;
I'm happy and ready to help. How are you?"""),
    "calm": words("""
I'm well, thank you. It's a quiet day.; I'm fine, thanks. Things are calm.;
I'm doing well, thank you for asking.; I'm good. Everything is peaceful today.;
I'm well, thanks. How are you?"""),
    "busy": words("""
I'm good, just a bit busy today.; I'm fine, thanks. There is a lot to do today.;
I'm well, thank you. Work keeps me busy.; Good, thanks! It's been a full day.;
I'm doing fine. Busy, but fine."""),
    "thoughtful": words("""
I'm well, thank you. I was just thinking about my day.; I'm good, thanks for asking.;
I'm fine, thank you. How are things with you?; I'm doing well. Thank you for asking.;
Pretty good, thanks. And you?"""),
}

# ---------------------------------------------------------------------------
# Data: jobs (also the roles of named characters, where 'me' is filled)
# columns: job | plural | what they do (first is the core) | how to become one |
#          first-person lines for a character with this job
# ---------------------------------------------------------------------------

JOBS = table("""
baker | bakers | A baker makes bread, cakes, cookies and pastries. ; Bakers often start work very early, so the bread is fresh in the morning. ; They mix dough, shape it and bake it in big ovens.
  | Many bakers learn by working in a bakery, and some take a cooking course.
  | I bake bread, cakes and rolls every morning. ; My day starts very early, before the sun is up. ; My favorite thing to bake is warm bread with a crispy crust. ; I love the smell of the bakery in the morning.
farmer | farmers | A farmer grows crops or raises animals for food. ; Farmers plant seeds, look after the fields and bring in the harvest. ; Some farmers keep cows, sheep, pigs or chickens.
  | Many farmers grow up on farms, and others study farming at college.
  | I grow vegetables and look after a few cows and chickens. ; My day starts at sunrise, when the animals need feeding. ; Spring is my busiest time, because that is when I plant. ; I like working outside in the fresh air.
nurse | nurses | A nurse looks after people who are sick or hurt. ; Nurses check patients, give medicine and help doctors. ; Many nurses work in hospitals, and some work in schools or clinics.
  | To become a nurse, you study nursing at a college and pass an exam.
  | I work in a hospital and look after patients. ; I check on people, give them their medicine and help them feel better. ; My shifts can be long, but I like helping people.
doctor | doctors | A doctor helps people stay healthy and get better when they are sick. ; Doctors find out what is wrong and decide on the right treatment. ; Some doctors work in hospitals and others in small clinics.
  | Doctors study medicine for many years at a university and then train in a hospital.
  | I help people get better when they are sick. ; Every day I see patients and listen to how they feel. ; I always tell people to sleep well and drink enough water.
dentist | dentists | A dentist looks after people's teeth and gums. ; Dentists clean teeth, fill holes and check that mouths are healthy. ; They also teach people how to brush and floss well.
  | Dentists study for several years at a dental school.
  | I look after people's teeth. ; I clean teeth, fix small holes and check that everything is healthy. ; My best advice is to brush twice a day.
vet | vets | A vet is a doctor for animals. ; Vets look after pets like dogs and cats, and some care for farm animals too. ; They give animals checkups, medicine and sometimes operations.
  | Vets study animal medicine at a university for several years.
  | I am an animal doctor. ; I look after dogs, cats, rabbits and sometimes horses. ; The best part of my job is seeing a sick pet get better.
firefighter | firefighters | A firefighter puts out fires and helps people in danger. ; Firefighters also rescue people from accidents and teach fire safety. ; They wear strong clothes and helmets to stay safe.
  | Firefighters train hard to become strong and learn safety skills at a training school.
  | I put out fires and help people in danger. ; When the alarm rings at the station, we get ready very fast. ; I also visit schools to teach fire safety.
police officer | police officers | A police officer helps keep people safe and makes sure laws are followed. ; Police officers help at accidents and answer calls for help. ; They also help lost people find their way.
  | Police officers go to a training school after they are hired.
  | I help keep my town safe. ; I help at accidents, answer calls and give directions. ; Most days I talk with lots of people in the neighborhood.
mail carrier | mail carriers | A mail carrier brings letters and packages to homes and businesses. ; Mail carriers walk or drive the same route every day. ; They work in sun, rain and snow.
  | Mail carriers are hired by the postal service and learn their route on the job.
  | I bring letters and packages to people's homes. ; I walk the same route every day, so I know many people on my street. ; Rainy days are the hardest part of my job.
librarian | librarians | A librarian helps people find books and information. ; Librarians keep the library in order and choose new books. ; Many librarians also run reading groups and story times.
  | Most librarians study library science after college.
  | I work in a library and help people find books. ; I keep the shelves in order and choose new books for readers. ; My favorite part of the job is finding the right book for someone.
chef | chefs | A chef is a trained cook who runs a kitchen. ; Chefs plan menus, cook meals and lead the other cooks. ; They taste everything to make sure it is just right.
  | Chefs learn at cooking schools or by working their way up in restaurant kitchens.
  | I cook in a restaurant kitchen. ; I plan the menu and make sure every plate looks and tastes good. ; My favorite dish to cook is a simple vegetable soup.
waiter | waiters | A waiter takes orders and brings food and drinks in a restaurant. ; Waiters set tables, answer questions about the menu and bring the bill. ; They need to be friendly and quick.
  | Most waiters learn on the job in a restaurant or cafe.
  | I work in a busy restaurant, taking orders and bringing food. ; I try to remember what every table asked for. ; I walk a lot during my shift.
gardener | gardeners | A gardener takes care of plants, lawns and flowers. ; Gardeners plant, water, cut and weed. ; Some work in parks and others in private gardens.
  | Many gardeners learn by working with an experienced gardener, and some take a course.
  | I take care of plants, flowers and trees. ; I spend my days planting, watering and pulling weeds. ; Spring is my favorite season, because everything starts to grow.
carpenter | carpenters | A carpenter builds and fixes things made of wood. ; Carpenters make furniture, doors, stairs and the frames of houses. ; They use saws, hammers and measuring tapes.
  | Many carpenters learn their trade as an apprentice with an experienced carpenter.
  | I build and fix things made of wood. ; This week I am making a kitchen table. ; I always measure twice before I cut.
plumber | plumbers | A plumber puts in and fixes pipes, taps and toilets. ; Plumbers fix leaks and make sure water flows where it should. ; They also work on heating systems.
  | Plumbers usually learn as an apprentice and pass a license test.
  | I fix pipes, taps and leaks. ; People call me when water is going where it should not. ; Every job is a little puzzle.
electrician | electricians | An electrician puts in and fixes electric wires, lights and outlets. ; Electricians follow strict safety rules. ; They work in homes, shops and factories.
  | Electricians learn as apprentices and must pass a license test.
  | I put in and fix electric wires and lights. ; Safety comes first in my work. ; I like solving problems when the lights do not work.
mechanic | mechanics | A mechanic fixes cars and other machines. ; Mechanics find out why something is not working and repair it. ; They change oil, fix brakes and replace worn parts.
  | Many mechanics take a training course and then learn more in a garage.
  | I fix cars in a small garage. ; I find out what is wrong and repair it. ; My hands are often covered in oil at the end of the day.
pilot | pilots | A pilot flies airplanes or helicopters. ; Pilots check the plane before every flight and talk with air traffic control. ; Some pilots fly passengers and some fly goods.
  | Pilots go to a flight school and must fly many hours before they get a license.
  | I fly airplanes. ; Before every flight I check the plane and the weather. ; My favorite view is the sunrise above the clouds.
bus driver | bus drivers | A bus driver drives a bus and takes people where they need to go. ; Bus drivers follow a set route and timetable. ; They help keep passengers safe.
  | Bus drivers need a special driving license and some training.
  | I drive a city bus. ; I follow the same route all day and stop at every bus stop. ; I know many of my passengers by face.
taxi driver | taxi drivers | A taxi driver drives people to the places they want to go. ; Taxi drivers know the roads of their city by heart. ; People pay them for each ride.
  | Taxi drivers need a driving license, and many cities ask for a special permit.
  | I drive a taxi around the city. ; I know all the streets, even the small ones. ; I meet new people every day.
engineer | engineers | An engineer uses math and science to design and build things. ; Engineers work on bridges, machines, roads, computers and much more. ; They solve problems and test their ideas carefully.
  | Engineers usually study engineering at a university.
  | I design and test machines. ; I use math and science to solve problems every day. ; I like taking things apart to see how they work.
scientist | scientists | A scientist studies the world to learn how it works. ; Scientists ask questions, do experiments and share what they find. ; Some study plants, some study stars and some study the human body.
  | Scientists usually study a science at a university for many years.
  | I study plants in a laboratory. ; I do experiments to learn how plants grow. ; I love asking questions and finding answers.
astronaut | astronauts | An astronaut travels into space. ; Astronauts train for many years before they go. ; In space, they do experiments and look after their spacecraft.
  | Astronauts are usually scientists, engineers or pilots who pass a very hard selection and years of training.
  | -
artist | artists | An artist makes art, like paintings, drawings or sculptures. ; Artists use their ideas and skills to show how they see the world. ; Some sell their work and some teach art.
  | Anyone can become an artist by practicing, and many artists also study at an art school.
  | I make paintings and drawings. ; Most days I paint in my small studio. ; I get ideas from nature and from the people around me.
musician | musicians | A musician plays music, often on an instrument. ; Musicians practice a lot and play for audiences. ; Some play alone and some play in bands or orchestras.
  | Musicians practice for years, and many take lessons or study music.
  | I play the piano and the guitar. ; I practice every day and play at small concerts. ; Music makes me happy.
singer | singers | A singer uses their voice to make music. ; Singers practice to keep their voices strong. ; Some sing in choirs and some sing in bands.
  | Singers practice a lot, and many take singing lessons.
  | I sing in a small band. ; I practice every morning to keep my voice strong. ; I drink warm water with lemon before I sing.
writer | writers | A writer writes books, stories, articles or scripts. ; Writers plan, write and then rewrite their work many times. ; They often read a lot too.
  | Writers get better by reading a lot and writing every day.
  | I write stories and short books. ; I write every morning with a cup of tea. ; Most of my ideas come from everyday life.
photographer | photographers | A photographer takes pictures with a camera. ; Photographers take pictures of people, places, food or events. ; They think about light and what to put in each picture.
  | Photographers learn by taking lots of pictures, and some take a course.
  | I take pictures for a living. ; I photograph weddings, families and sometimes food. ; Morning light is my favorite light for photos.
tailor | tailors | A tailor makes and fixes clothes. ; Tailors measure people so the clothes fit well. ; They shorten pants, fix zippers and sew new suits.
  | Tailors learn to sew and measure, often by working with an experienced tailor.
  | I make and fix clothes. ; I measure people carefully so everything fits well. ; A needle and thread are my most important tools.
hairdresser | hairdressers | A hairdresser cuts, washes and styles hair. ; Hairdressers also color hair and give advice about hair care. ; Many work in a hair salon.
  | Hairdressers take a training course and practice a lot.
  | I cut and style hair in a small salon. ; I like chatting with my customers while I work. ; Every haircut is a little different.
shopkeeper | shopkeepers | A shopkeeper owns or runs a small shop. ; Shopkeepers order goods, set prices and help customers. ; They also keep the shop clean and tidy.
  | Many shopkeepers learn by working in a shop before they open their own.
  | I run a small shop on a busy street. ; I order goods, help customers and keep the shelves full. ; I know many of my customers by name.
cashier | cashiers | A cashier takes payments in a shop. ; Cashiers scan items, take money and give change or receipts. ; They need to be careful and friendly.
  | Cashiers usually learn on the job in a few days.
  | I work at the checkout in a grocery store. ; I scan items and help people pay. ; I meet lots of people every day.
pharmacist | pharmacists | A pharmacist prepares medicine and explains how to take it. ; Pharmacists check that medicines are safe to take together. ; They work in pharmacies and hospitals.
  | Pharmacists study pharmacy at a university for several years.
  | I work in a pharmacy. ; I prepare medicine and explain how to take it safely. ; People often ask me for advice about colds.
architect | architects | An architect designs buildings. ; Architects draw plans that show how a building will look and work. ; They think about space, light and safety.
  | Architects study architecture at a university and then train in an office.
  | I design houses and small buildings. ; I draw plans and build little models. ; I love buildings with lots of light.
accountant | accountants | An accountant keeps track of money for people and businesses. ; Accountants check records, plan budgets and prepare taxes. ; They need to be careful with numbers.
  | Accountants usually study accounting and pass exams.
  | I help people and businesses keep track of their money. ; I work with numbers all day. ; I like it when everything adds up.
programmer | programmers | A programmer writes instructions that tell computers what to do. ; Programmers build apps, websites and games. ; They test their code and fix mistakes, called bugs.
  | Many programmers learn at a university, and many teach themselves with books and practice.
  | I write computer programs. ; Most of my day is spent writing code and fixing bugs. ; I like solving hard puzzles.
builder | builders | A builder builds houses and other buildings. ; Builders lay bricks, pour concrete and put up walls. ; They work as part of a team.
  | Builders often learn on the job or as apprentices.
  | I build houses with my team. ; I lay bricks, put up walls and fix roofs. ; It feels good to see a house finished.
lifeguard | lifeguards | A lifeguard watches swimmers and helps people in trouble in the water. ; Lifeguards work at pools and beaches. ; They are strong swimmers and know first aid.
  | Lifeguards must be strong swimmers and pass a lifeguard and first aid course.
  | I watch swimmers at the city pool. ; I make sure everyone is safe in the water. ; I swim every morning to stay fit.
coach | coaches | A coach trains people to get better at a sport. ; Coaches plan practices, teach skills and encourage their players. ; They also help the team work together.
  | Many coaches played the sport themselves and take coaching courses.
  | I coach a youth soccer team. ; I plan practices and teach the players new skills. ; I love seeing the team work together.
zoo keeper | zoo keepers | A zoo keeper takes care of animals in a zoo. ; Zoo keepers feed the animals, clean their homes and watch their health. ; They often know each animal by name.
  | Zoo keepers usually study biology or animal care.
  | I take care of the animals at the zoo. ; I feed them, clean their homes and check that they are healthy. ; The giraffes are my favorite animals to look after.
park ranger | park rangers | A park ranger looks after a park or forest. ; Rangers protect animals and plants and help visitors stay safe. ; They also lead walks and teach about nature.
  | Park rangers often study biology, forestry or a related subject.
  | I look after a large forest park. ; I lead walks and teach visitors about plants and animals. ; My office is the great outdoors.
florist | florists | A florist sells flowers and makes bouquets. ; Florists choose flowers that look good together and keep them fresh. ; They make flowers for weddings, birthdays and other events.
  | Florists learn by working in a flower shop, and some take a course.
  | I run a small flower shop. ; I make bouquets for birthdays, weddings and other happy days. ; My shop always smells lovely.
cleaner | cleaners | A cleaner keeps homes, offices or other places clean. ; Cleaners dust, vacuum, mop floors and empty bins. ; Their work keeps places healthy and pleasant.
  | Most cleaners learn on the job.
  | I clean offices in the evening. ; I dust, vacuum and mop the floors. ; I like it when a room is fresh and tidy.
barber | barbers | A barber cuts and trims hair, mostly for men. ; Barbers also shave and trim beards. ; Many barbershops are friendly places to chat.
  | Barbers take a training course and practice a lot.
  | I cut hair and trim beards in my barbershop. ; I enjoy chatting with my customers. ; A sharp pair of scissors is my best tool.
reporter | reporters | A reporter finds out about news and tells people about it. ; Reporters ask questions, check facts and write stories. ; Some work for newspapers and some for television or radio.
  | Reporters often study journalism and practice writing a lot.
  | I write news stories for a local newspaper. ; I ask lots of questions and check every fact. ; No two days are the same.
translator | translators | A translator changes writing from one language into another. ; Translators need to know both languages really well. ; They translate books, letters, websites and more.
  | Translators learn two or more languages, and many study translation at a university.
  | I translate books and letters from Spanish into English. ; I need to know both languages really well. ; Finding the right word can take time.
dancer | dancers | A dancer moves to music to tell a story or show a feeling. ; Dancers practice for many hours to stay strong and flexible. ; They perform on stages, in shows and in videos.
  | Dancers usually start young and train at a dance school.
  | I dance in a small theater company. ; I practice every day to stay strong and flexible. ; I love the moment the music starts.
actor | actors | An actor plays a character in a play, a movie or a show. ; Actors learn their lines and practice with other actors. ; They try to show how their character feels.
  | Many actors take acting classes and start in small plays.
  | I act in plays at a small theater. ; I learn my lines and practice with the other actors. ; I like becoming a different person on stage.
potter | potters | A potter makes bowls, cups and plates from clay. ; Potters shape the clay by hand or on a spinning wheel. ; Then they bake it in a very hot oven called a kiln.
  | Potters learn by taking classes and practicing a lot.
  | I make bowls and cups from clay. ; I shape the clay on a spinning wheel. ; Opening the kiln to see the finished pots is exciting.
teacher | teachers | A teacher helps students learn. ; Teachers plan lessons, explain ideas and check homework. ; They work in schools and sometimes teach adults too.
  | Teachers usually study at a university and train in a school.
  | -
cook | cooks | A cook prepares food in a kitchen. ; Cooks work in restaurants, schools, hospitals and cafes. ; They chop, fry, boil and bake.
  | Cooks can learn on the job or at a cooking school.
  | I cook lunch in a busy cafe. ; I chop, fry and bake all morning. ; Soup is my specialty.
butcher | butchers | A butcher cuts and sells meat. ; Butchers know which cut of meat is best for each dish. ; They keep their shop very clean.
  | Butchers learn by working with an experienced butcher.
  | -
receptionist | receptionists | A receptionist welcomes visitors and answers the phone. ; Receptionists make appointments and help people find their way. ; They are often the first person you meet in an office.
  | Receptionists usually learn on the job.
  | I welcome visitors at the front desk of an office. ; I answer the phone and make appointments. ; I like meeting new people every day.
paramedic | paramedics | A paramedic gives medical help in an emergency. ; Paramedics drive ambulances and help people on the way to the hospital. ; They must stay calm and act fast.
  | Paramedics take special training and must pass exams.
  | I work on an ambulance. ; I help people who are hurt or very sick. ; I have to stay calm and act fast.
delivery driver | delivery drivers | A delivery driver brings packages to people's homes. ; Delivery drivers plan their route so they can make many stops. ; They drive vans or trucks.
  | Delivery drivers need a driving license and learn their routes on the job.
  | I deliver packages around town. ; I make many stops every day. ; I know every street in my area.
banker | bankers | A banker works at a bank and helps people with their money. ; Bankers open accounts, give loans and give advice about saving. ; They must be careful and honest.
  | Bankers often study business or finance.
  | I work at a bank. ; I help people open accounts and save money. ; I like helping people plan for the future.
judge | judges | A judge is in charge of a court. ; Judges listen to both sides and make decisions based on the law. ; They must be fair.
  | Judges are usually lawyers with many years of experience.
  | -
lawyer | lawyers | A lawyer gives advice about the law and helps people in court. ; Lawyers write contracts and speak for their clients. ; They study the law carefully.
  | Lawyers study law at a university and pass a hard exam.
  | -
fisher | fishers | A fisher catches fish for people to eat. ; Fishers use nets, lines or traps. ; Many go out in boats very early in the morning.
  | Many fishers learn from family or by working on a fishing boat.
  | -
""", ["job", "plural", "does*", "learn", "me*"])

# ---------------------------------------------------------------------------
# Data: animals
# columns: animal | plural | class | where they live ("live ...") |
#          what they eat ("eat ...") | sound (verb, plural) | baby |
#          abilities (+can -cannot) | facts
# ---------------------------------------------------------------------------

ANIMALS = table("""
dog | dogs | mammal | with people in homes all over the world | meat, dog food and some vegetables | bark | puppy | +swim +run fast
  | Dogs have a very good sense of smell. ; Dogs wag their tails when they are happy. ; People have kept dogs as pets for thousands of years.
cat | cats | mammal | with people in homes, and some live on farms | meat, fish and cat food | meow and purr | kitten | +climb trees +jump high
  | Cats sleep for many hours each day. ; Cats can see well in dim light. ; A cat uses its whiskers to feel its way around.
horse | horses | mammal | on farms, in fields and in the wild in a few places | grass, hay and oats | neigh | foal | +run fast +swim
  | Horses can sleep standing up. ; A horse's age can be guessed by looking at its teeth. ; Horses have been helping people work and travel for thousands of years.
cow | cows | mammal | on farms, in fields and barns | grass and hay | moo | calf | +swim
  | Cows give milk, which people use to make cheese, butter and yogurt. ; Cows have a stomach with four parts. ; Cows spend many hours a day chewing.
sheep | sheep | mammal | on farms and hills in many parts of the world | grass and other plants | bleat | lamb | +swim
  | Sheep grow wool, which people use to make warm clothes. ; Sheep like to stay together in a group called a flock. ; A sheep's wool keeps growing, so farmers cut it once a year.
goat | goats | mammal | on farms and in rocky mountains | grass, leaves and bushes | bleat | kid | +climb
  | Goats are very good climbers. ; Some people drink goat milk and make goat cheese. ; Goats are curious and like to explore.
pig | pigs | mammal | on farms all over the world | grains, vegetables and almost any food | grunt | piglet | +swim
  | Pigs are very clever animals. ; Pigs roll in mud to keep cool, because they cannot sweat much. ; Pigs have a strong sense of smell.
chicken | chickens | bird | on farms and in backyards | seeds, grains, bugs and worms | cluck | chick | -fly far
  | Chickens lay eggs, often one a day. ; Chickens can fly only a short distance. ; There are more chickens in the world than people.
duck | ducks | bird | near ponds, lakes and rivers | plants, seeds, bugs and small fish | quack | duckling | +swim +fly
  | Ducks have waterproof feathers. ; Ducks have webbed feet that help them swim. ; Baby ducks follow their mother in a line.
goose | geese | bird | near lakes, rivers and fields | grass, seeds and water plants | honk | gosling | +swim +fly
  | Many geese fly south in a V shape in the fall. ; Geese can be very protective of their babies. ; A group of geese on the ground is called a gaggle.
rabbit | rabbits | mammal | in fields, woods and meadows, and some live as pets | grass, hay, leaves and vegetables | - | kit | +jump high +run fast
  | Rabbits' teeth never stop growing. ; Wild rabbits live in holes under the ground called burrows. ; Rabbits can see almost all the way around them.
mouse | mice | mammal | in fields, woods and sometimes in houses | seeds, grains and fruit | squeak | pup | +climb
  | Mice are very small and can fit through tiny holes. ; Mice have long tails that help them balance. ; Mice are active mostly at night.
hamster | hamsters | mammal | in dry places in the wild, and many live as pets | seeds, grains, vegetables and fruit | squeak | pup | -
  | Hamsters carry food in their cheeks. ; Hamsters are awake mostly at night. ; Hamsters love to run on a wheel.
lion | lions | mammal | on the grassy plains of Africa, and a few live in India | meat, from animals like zebras and antelopes | roar | cub | +run fast +swim
  | Lions live in family groups called prides. ; A lion's roar can be heard from far away. ; Female lions do most of the hunting.
tiger | tigers | mammal | in forests and grassy plains in Asia | meat, from animals like deer and wild pigs | roar | cub | +swim +run fast
  | Tigers are the biggest cats in the world. ; Every tiger has its own pattern of stripes. ; Unlike most cats, tigers like water and swim well.
elephant | elephants | mammal | in Africa and Asia, in grassy plains and forests | grass, leaves, bark and fruit | trumpet | calf | +swim -jump
  | Elephants are the largest land animals. ; An elephant uses its trunk to breathe, smell, drink and pick things up. ; Elephants have very good memories.
giraffe | giraffes | mammal | on the grassy plains of Africa | leaves from tall trees | - | calf | +run fast
  | Giraffes are the tallest animals in the world. ; A giraffe's tongue is very long and dark. ; Giraffes only need a little sleep each day.
zebra | zebras | mammal | on the grassy plains of Africa | grass | - | foal | +run fast
  | Every zebra has its own pattern of stripes. ; Zebras live in groups called herds. ; Zebras are related to horses.
monkey | monkeys | mammal | in forests and mountains in warm parts of the world | fruit, leaves, seeds and insects | - | - | +climb trees +swim
  | Many monkeys use their tails to hold on to branches. ; Monkeys live in groups called troops. ; Monkeys groom each other to keep clean.
gorilla | gorillas | mammal | in the forests of central Africa | leaves, stems and fruit | - | - | +climb trees
  | Gorillas are the largest apes. ; Gorillas live in family groups led by a big male. ; Gorillas are mostly gentle and calm.
bear | bears | mammal | in forests and mountains in many parts of the world | berries, fish, plants, nuts and insects | growl | cub | +swim +climb trees +run fast
  | Many bears sleep through much of the winter. ; Bears have a very good sense of smell. ; Some bears catch fish in rivers.
polar bear | polar bears | mammal | in the Arctic, on ice and snow | seals and sometimes fish | growl | cub | +swim
  | Polar bears are strong swimmers. ; A polar bear has black skin under its white fur. ; Polar bears have thick fat to keep them warm.
panda | pandas | mammal | in mountain forests in China | bamboo | - | cub | +climb trees
  | A panda can eat bamboo for more than ten hours a day. ; Pandas are black and white. ; Baby pandas are very small and pink when they are born.
kangaroo | kangaroos | mammal | in Australia | grass and other plants | - | joey | +jump high +swim
  | Kangaroos carry their babies in a pouch. ; Kangaroos move by hopping on their strong back legs. ; Kangaroos use their tails for balance.
koala | koalas | mammal | in eucalyptus forests in Australia | eucalyptus leaves | - | joey | +climb trees
  | Koalas sleep for most of the day. ; Koalas are not bears, even though people sometimes call them koala bears. ; Koala babies live in their mother's pouch.
wolf | wolves | mammal | in forests, mountains and cold open lands | meat, from animals like deer | howl | pup | +run fast +swim
  | Wolves live and hunt in groups called packs. ; Wolves howl to talk to their pack. ; Dogs are related to wolves.
fox | foxes | mammal | in forests, fields and even cities | small animals, fruit, berries and insects | bark | kit | +run fast +jump high
  | Foxes have bushy tails. ; Foxes have very good hearing. ; Foxes often hunt at night.
deer | deer | mammal | in forests and meadows | grass, leaves, twigs and acorns | - | fawn | +run fast +jump high +swim
  | Male deer grow antlers, which fall off and grow back every year. ; Baby deer have white spots. ; Deer are shy and run away quickly.
squirrel | squirrels | mammal | in trees, in forests, parks and gardens | nuts, seeds, fruit and buds | - | kit | +climb trees +jump high
  | Squirrels bury nuts and dig them up later. ; Squirrels use their bushy tails for balance. ; Squirrels can run down a tree head first.
bat | bats | mammal | in caves, trees and old buildings | insects, and some eat fruit | squeak | pup | +fly
  | Bats are the only mammals that can really fly. ; Many bats find their way in the dark by listening to echoes. ; Bats sleep upside down.
whale | whales | mammal | in oceans all over the world | tiny sea animals called krill, and fish | - | calf | +swim
  | Whales are mammals, so they breathe air. ; The blue whale is the biggest animal that has ever lived. ; Some whales sing long songs.
dolphin | dolphins | mammal | in oceans and some rivers | fish and squid | click and whistle | calf | +swim +jump high
  | Dolphins are very smart. ; Dolphins breathe air through a hole on top of their heads. ; Dolphins live in groups called pods.
seal | seals | mammal | in cold oceans and on rocky coasts | fish, squid and shellfish | - | pup | +swim
  | Seals are great swimmers and can hold their breath for a long time. ; Seals rest on land or ice. ; Seals have a layer of fat that keeps them warm.
eagle | eagles | bird | in mountains, forests and near rivers | fish, rabbits and other small animals | - | eaglet | +fly
  | Eagles have very sharp eyesight. ; Eagles build huge nests high up. ; Eagles catch food with their strong feet.
owl | owls | bird | in forests, fields and barns | mice, insects and other small animals | hoot | owlet | +fly
  | Most owls hunt at night. ; Owls can turn their heads very far around. ; Owls fly almost without a sound.
penguin | penguins | bird | in the southern half of the world, mostly in cold places | fish, krill and squid | - | chick | +swim -fly
  | Penguins cannot fly, but they are excellent swimmers. ; Penguins live in big groups called colonies. ; Emperor penguins live in Antarctica.
parrot | parrots | bird | in warm forests, and many live as pets | seeds, nuts, fruit and flowers | squawk | chick | +fly +climb
  | Some parrots can copy words and sounds. ; Parrots are colorful birds. ; Some parrots live for more than fifty years.
crow | crows | bird | almost everywhere, in fields, forests and cities | seeds, insects, fruit and scraps | caw | chick | +fly
  | Crows are very clever birds. ; Crows can use sticks as tools. ; Crows can remember faces.
swan | swans | bird | on lakes, rivers and ponds | water plants and grass | - | cygnet | +swim +fly
  | Swans have long, graceful necks. ; Most swans are white, but some are black. ; Swans often stay with the same partner for life.
pigeon | pigeons | bird | in cities and on cliffs all over the world | seeds, grains and crumbs | coo | chick | +fly
  | Pigeons can find their way home from far away. ; Long ago, people used pigeons to carry messages. ; Pigeons bob their heads when they walk.
flamingo | flamingos | bird | near lakes and lagoons in warm places | tiny shrimp and algae | - | chick | +fly
  | Flamingos get their pink color from the food they eat. ; Flamingos often stand on one leg. ; Flamingos live in large groups.
ostrich | ostriches | bird | on the dry grassy plains of Africa | plants, seeds and insects | - | chick | -fly +run fast
  | The ostrich is the biggest bird in the world. ; Ostriches cannot fly, but they run very fast. ; Ostrich eggs are the largest eggs of any bird.
hummingbird | hummingbirds | bird | in the Americas, in gardens and forests | flower nectar and tiny insects | hum | chick | +fly
  | Hummingbirds beat their wings so fast that they hum. ; Hummingbirds can fly backward. ; They are among the smallest birds in the world.
shark | sharks | fish | in oceans all over the world | fish, seals and other sea animals | - | pup | +swim
  | Sharks have been around for a very long time, even before dinosaurs. ; Sharks keep growing new teeth. ; Most sharks are not dangerous to people.
goldfish | goldfish | fish | in ponds and fish tanks | fish food, plants and tiny bugs | - | - | +swim
  | Goldfish can live for many years with good care. ; Goldfish are a kind of carp. ; Goldfish need clean water and space to swim.
salmon | salmon | fish | in oceans and rivers | insects, shrimp and smaller fish | - | - | +swim +jump high
  | Salmon are born in rivers, live in the ocean and swim back to the river to lay eggs. ; Salmon can jump up small waterfalls. ; Many people like to eat salmon.
octopus | octopuses | other | in oceans all over the world | crabs, clams and fish | - | - | +swim
  | An octopus has eight arms. ; An octopus can change color to hide. ; An octopus has three hearts.
jellyfish | jellyfish | other | in oceans all over the world | tiny sea animals and small fish | - | - | +swim
  | Jellyfish have no brain and no bones. ; Some jellyfish can sting. ; Jellyfish have been in the oceans for millions of years.
crab | crabs | other | in oceans, on beaches and some in rivers | small animals, plants and almost anything they find | - | - | +swim
  | Crabs walk sideways. ; Crabs have a hard shell. ; Crabs have ten legs, and two of them are claws.
turtle | turtles | reptile | in oceans, rivers, ponds and on land | plants, insects, fish and jellyfish | - | hatchling | +swim
  | Turtles carry a hard shell on their backs. ; Sea turtles lay their eggs on beaches. ; Some turtles live for more than a hundred years.
snake | snakes | reptile | in deserts, forests, grassy plains and water on every continent except Antarctica | mice, eggs, frogs and insects | hiss | - | +swim +climb
  | Snakes have no legs. ; Snakes smell with their tongues. ; Snakes shed their skin as they grow.
lizard | lizards | reptile | in warm places, in deserts, forests and gardens | insects and small animals, and some eat plants | - | - | +climb +run fast
  | Some lizards can drop their tails to escape and grow a new one. ; Lizards like to warm up in the sun. ; There are thousands of kinds of lizards.
crocodile | crocodiles | reptile | in rivers, lakes and swamps in warm places | fish, birds and other animals | - | hatchling | +swim
  | Crocodiles have very strong jaws. ; Crocodiles can stay underwater for a long time. ; Crocodiles have been around since the time of the dinosaurs.
frog | frogs | amphibian | near ponds, streams and in wet forests | insects, worms and spiders | croak | tadpole | +swim +jump high
  | Frogs start life as tadpoles in water. ; Frogs can breathe through their skin. ; Frogs catch bugs with their long, sticky tongues.
toad | toads | amphibian | in gardens, fields and woods, near water | insects, slugs and worms | - | tadpole | +swim +jump
  | Toads usually have dry, bumpy skin. ; Toads start life as tadpoles, just like frogs. ; Toads walk or make short hops.
butterfly | butterflies | insect | in gardens, fields and forests almost everywhere | flower nectar | - | caterpillar | +fly
  | A butterfly starts life as a caterpillar. ; Butterflies taste with their feet. ; Butterflies have colorful wings covered in tiny scales.
bee | bees | insect | in hives and nests near flowers | nectar and pollen from flowers | buzz | larva | +fly
  | Bees help plants grow fruit by carrying pollen from flower to flower. ; Bees live in large groups called colonies. ; Bees dance to tell each other where to find flowers.
ant | ants | insect | in nests under the ground almost everywhere | seeds, sugar, insects and crumbs | - | larva | +climb
  | Ants are very strong for their size. ; Ants live in big groups called colonies. ; Ants work together to find food.
ladybug | ladybugs | insect | in gardens, fields and forests | small insects called aphids | - | larva | +fly
  | Most ladybugs are red with black spots. ; Ladybugs help gardens by eating pests. ; Ladybugs are a kind of beetle.
spider | spiders | arachnid | almost everywhere, in houses, gardens and forests | insects | - | spiderling | +climb
  | Spiders have eight legs. ; Many spiders spin webs to catch insects. ; Spiders are not insects.
snail | snails | other | in gardens, forests, ponds and the sea | leaves and plants | - | - | +climb
  | Snails carry their shells on their backs. ; Snails move very slowly on one foot. ; Snails leave a trail of slime.
camel | camels | mammal | in deserts in Africa and Asia | grass, leaves and thorny plants | grunt | calf | +run fast
  | Camels can go a long time without drinking water. ; A camel's hump stores fat, not water. ; Camels have long eyelashes to keep out sand.
hippo | hippos | mammal | in rivers and lakes in Africa | grass | grunt | calf | +run fast
  | Hippos spend most of the day in water to stay cool. ; Hippos are one of the biggest land animals. ; Hippos come out at night to eat grass.
rhino | rhinos | mammal | in grassy plains and forests in Africa and Asia | grass, leaves and shrubs | - | calf | +run fast
  | Rhinos have one or two horns on their noses. ; Rhinos have thick skin. ; Rhinos like to roll in mud to keep cool.
cheetah | cheetahs | mammal | on the grassy plains of Africa | meat, from animals like gazelles | purr | cub | +run fast
  | The cheetah is the fastest land animal. ; Cheetahs have black spots and black lines on their faces. ; Cheetahs hunt during the day.
hedgehog | hedgehogs | mammal | in gardens, hedges and woods | insects, worms and snails | - | hoglet | -
  | Hedgehogs roll into a spiky ball when they are scared. ; Hedgehogs are active at night. ; Hedgehogs have thousands of spines.
otter | otters | mammal | in rivers, lakes and the sea | fish, crabs and clams | - | pup | +swim
  | Sea otters sometimes hold hands while they sleep so they do not drift apart. ; Otters have thick, waterproof fur. ; Some otters use stones to open shells.
beaver | beavers | mammal | in rivers, streams and ponds | bark, leaves and water plants | - | kit | +swim
  | Beavers build dams with sticks and mud. ; Beavers have strong front teeth that keep growing. ; Beavers use their flat tails to steer in the water.
donkey | donkeys | mammal | on farms and in dry, hilly places | grass, hay and other plants | bray | foal | +run fast
  | Donkeys are strong and can carry heavy loads. ; Donkeys have very long ears. ; Donkeys are related to horses and zebras.
llama | llamas | mammal | in the mountains of South America and on farms | grass and other plants | hum | cria | +climb
  | Llamas can carry packs over mountain paths. ; Llamas live in herds. ; Llama wool is soft and warm.
sloth | sloths | mammal | in the rain forests of Central and South America | leaves, buds and fruit | - | - | +climb trees +swim
  | Sloths move very slowly and spend most of their lives in trees. ; Sloths sleep for many hours a day. ; Sloths are surprisingly good swimmers.
chimpanzee | chimpanzees | mammal | in the forests of Africa | fruit, leaves, seeds and insects | hoot | - | +climb trees
  | Chimpanzees are very smart and can use sticks as tools. ; Chimpanzees live in large groups. ; Chimpanzees are close relatives of humans.
peacock | peacocks | bird | in forests in India and Sri Lanka, and in many parks | seeds, insects and small plants | - | chick | +fly
  | A male peacock spreads its colorful tail feathers like a fan. ; The female is called a peahen. ; Peacocks can fly up into trees to sleep.
seahorse | seahorses | fish | in shallow, warm seas among sea grass and coral | tiny shrimp and plankton | - | - | +swim
  | In seahorses, the father carries the eggs in a pouch. ; Seahorses hold on to sea grass with their tails. ; Seahorses are fish, even though they look unusual.
walrus | walruses | mammal | in the cold seas around the Arctic | clams and other shellfish | bellow | calf | +swim
  | Walruses have long tusks. ; Walruses use their whiskers to find food on the sea floor. ; A thick layer of fat keeps walruses warm.
raccoon | raccoons | mammal | in forests and towns in North America | fruit, nuts, insects and scraps | - | kit | +climb trees +swim
  | Raccoons have black masks of fur around their eyes. ; Raccoons have clever front paws that work almost like hands. ; Raccoons are most active at night.
moose | moose | mammal | in cold northern forests near water | leaves, twigs and water plants | - | calf | +swim +run fast
  | The moose is the largest kind of deer. ; Male moose grow huge, wide antlers. ; Moose are good swimmers.
starfish | starfish | other | in oceans all over the world | clams, mussels and snails | - | - | -
  | Most starfish have five arms. ; A starfish can grow back a lost arm. ; Starfish are not fish, so many people call them sea stars.
""", ["animal", "plural", "class", "home", "diet", "sound", "baby", "can", "facts*"])

ANIMAL_CLASSES = {
    "mammal": "Mammals breathe air and feed their babies milk.",
    "bird": "Birds have feathers and wings, and they lay eggs.",
    "fish": "Fish live in water and breathe with gills.",
    "reptile": "Reptiles have dry, scaly skin, and most of them lay eggs.",
    "amphibian": "Amphibians usually start life in water and later live on land too.",
    "insect": "Insects have six legs and three parts to their bodies.",
    "arachnid": "Spiders are arachnids, which have eight legs.",
}

# ---------------------------------------------------------------------------
# Data: geography
# columns: country | capital | continent(s) | languages | biggest city
#          ('=' the capital, '-' not stated) | facts
# ---------------------------------------------------------------------------

COUNTRIES = table("""
France | Paris | Europe | French | = | The Eiffel Tower is in Paris. ; France is famous for its bread, cheese and cooking. ; The Alps, the highest mountains in western Europe, are partly in France.
Spain | Madrid | Europe | Spanish | = | Spain is known for sunny beaches and a rice dish called paella. ; Spain shares a border with Portugal and France.
Italy | Rome | Europe | Italian | = | Italy is shaped a bit like a boot. ; Pizza and many kinds of pasta come from Italy. ; Rome has very old buildings, like the Colosseum.
Germany | Berlin | Europe | German | = | Germany has many forests, rivers and castles. ; Germany is known for its bread and its cars.
Portugal | Lisbon | Europe | Portuguese | = | Portugal is on the west coast of Europe, next to Spain. ; Portugal has a long coast on the Atlantic Ocean.
the United Kingdom | London | Europe | English | = | The United Kingdom is made up of England, Scotland, Wales and Northern Ireland. ; The river Thames flows through London.
Ireland | Dublin | Europe | English and Irish | = | Ireland is known for its green fields and hills. ; Ireland is on an island west of Great Britain.
the Netherlands | Amsterdam | Europe | Dutch | = | The Netherlands is famous for tulips, windmills and bicycles. ; Much of the Netherlands is very flat, and some of it is below sea level.
Belgium | Brussels | Europe | Dutch, French and German | - | Belgium is known for chocolate and waffles. ; Belgium is a small country between France, Germany and the Netherlands.
Switzerland | Bern | Europe | German, French, Italian and Romansh | Zurich | Switzerland has many high mountains, including part of the Alps. ; Switzerland is known for chocolate, cheese and watches.
Austria | Vienna | Europe | German | = | Austria has many mountains and lakes. ; Vienna is famous for music, and Mozart lived there.
Greece | Athens | Europe | Greek | = | Greece has thousands of islands. ; The first Olympic Games were held in ancient Greece.
Sweden | Stockholm | Europe | Swedish | = | Sweden has many lakes and forests. ; In the far north of Sweden, the sun does not set for weeks in summer.
Norway | Oslo | Europe | Norwegian | = | Norway has deep, narrow sea inlets called fjords. ; In winter, people in the north of Norway can often see the northern lights.
Denmark | Copenhagen | Europe | Danish | = | Denmark is a small, flat country with a lot of coast. ; Many people in Denmark ride bicycles every day.
Finland | Helsinki | Europe | Finnish and Swedish | = | Finland has tens of thousands of lakes. ; Saunas are very popular in Finland.
Iceland | Reykjavik | Europe | Icelandic | = | Iceland has volcanoes, glaciers and hot springs. ; Iceland is an island in the North Atlantic Ocean.
Poland | Warsaw | Europe | Polish | = | Poland is in central Europe. ; Poland has many old towns, forests and lakes.
Hungary | Budapest | Europe | Hungarian | = | The river Danube flows through Budapest. ; Budapest is known for its hot springs and baths.
Russia | Moscow | Europe and Asia | Russian | = | Russia is the biggest country in the world. ; Russia is so wide that it has eleven time zones.
Turkey | Ankara | Europe and Asia | Turkish | Istanbul | Turkey is partly in Europe and partly in Asia. ; Turkey is known for its tea, bread and sweets.
Egypt | Cairo | Africa | Arabic | = | The pyramids of Giza are in Egypt. ; The Nile River flows through Egypt.
Kenya | Nairobi | Africa | Swahili and English | = | Kenya is famous for its wildlife, like lions, zebras and elephants. ; Kenya is in East Africa, on the Indian Ocean.
Nigeria | Abuja | Africa | English and many local languages | Lagos | Nigeria has more people than any other country in Africa. ; Lagos is the biggest city in Nigeria.
Ghana | Accra | Africa | English and many local languages | - | Ghana is in West Africa. ; Ghana grows a lot of cocoa, which is used to make chocolate.
Morocco | Rabat | Africa | Arabic and Berber | Casablanca | Morocco is in the north of Africa. ; Morocco has deserts and the Atlas Mountains.
Tanzania | Dodoma | Africa | Swahili and English | - | Mount Kilimanjaro, the highest mountain in Africa, is in Tanzania. ; Tanzania has many wild animals in its national parks.
Senegal | Dakar | Africa | French and Wolof | = | Senegal is on the west coast of Africa. ; Dakar is the most western city on the African mainland.
China | Beijing | Asia | Chinese | Shanghai | China and India have the most people of any countries. ; The Great Wall of China is thousands of miles long.
India | New Delhi | Asia | Hindi, English and many others | Mumbai | India and China have the most people of any countries. ; The Taj Mahal is in India.
Japan | Tokyo | Asia | Japanese | = | Japan is made up of many islands. ; Mount Fuji is the highest mountain in Japan.
South Korea | Seoul | Asia | Korean | = | South Korea is known for kimchi, a spicy dish of pickled vegetables. ; South Korea has many mountains.
Thailand | Bangkok | Asia | Thai | = | Thailand is known for its beaches, temples and tasty food. ; Elephants are a national symbol of Thailand.
Vietnam | Hanoi | Asia | Vietnamese | - | Vietnam is a long, narrow country in Southeast Asia. ; Rice is grown in many fields in Vietnam.
Indonesia | Jakarta | Asia | Indonesian | = | Indonesia is made up of thousands of islands. ; Indonesia has many volcanoes.
the Philippines | Manila | Asia | Filipino and English | - | The Philippines is made up of more than seven thousand islands. ; The Philippines is in Southeast Asia.
Singapore | Singapore | Asia | English, Malay, Chinese and Tamil | - | Singapore is a small island country and a city at the same time. ; Singapore is very close to the equator, so it is warm all year.
Pakistan | Islamabad | Asia | Urdu and English | Karachi | K2, the second highest mountain in the world, is on the border of Pakistan. ; Karachi is the biggest city in Pakistan.
Bangladesh | Dhaka | Asia | Bengali | = | Bangladesh has many rivers. ; Bangladesh is one of the most crowded countries in the world.
Saudi Arabia | Riyadh | Asia | Arabic | = | Much of Saudi Arabia is desert. ; Saudi Arabia is on the Arabian Peninsula.
Iran | Tehran | Asia | Persian | = | Iran has high mountains and large deserts. ; Iran is known for its carpets.
the United States | Washington, D.C. | North America | English | - | The United States has fifty states. ; The Grand Canyon is in the United States.
Canada | Ottawa | North America | English and French | Toronto | Canada is the second biggest country in the world. ; Canada has many lakes and huge forests.
Mexico | Mexico City | North America | Spanish | = | Mexico is famous for tacos, tortillas and spicy food. ; Mexico has ancient pyramids built long ago.
Cuba | Havana | North America | Spanish | = | Cuba is an island in the Caribbean Sea. ; Cuba is known for its music and old cars.
Jamaica | Kingston | North America | English | = | Jamaica is an island in the Caribbean Sea. ; Reggae music comes from Jamaica.
Costa Rica | San Jose | North America | Spanish | = | Costa Rica has rain forests full of animals. ; Costa Rica has coasts on two oceans.
Brazil | Brasilia | South America | Portuguese | - | Brazil is the biggest country in South America. ; Most of the Amazon rain forest is in Brazil.
Argentina | Buenos Aires | South America | Spanish | = | Argentina is a large country in the south of South America. ; The tango dance comes from Argentina.
Chile | Santiago | South America | Spanish | = | Chile is a very long and narrow country. ; Chile has one of the driest deserts on Earth.
Peru | Lima | South America | Spanish and Quechua | = | Peru has ancient ruins high in the Andes mountains. ; Potatoes were first grown in the area that is now Peru.
Colombia | Bogota | South America | Spanish | = | Colombia is known for its coffee. ; Colombia has coasts on two oceans.
Venezuela | Caracas | South America | Spanish | = | Angel Falls, the highest waterfall in the world, is in Venezuela. ; Venezuela is in the north of South America.
Ecuador | Quito | South America | Spanish | - | Ecuador is named after the equator, which passes through it. ; The Galapagos Islands belong to Ecuador.
Uruguay | Montevideo | South America | Spanish | = | Uruguay is a small country between Brazil and Argentina. ; Uruguay has long sandy beaches.
Australia | Canberra | Oceania | English | - | Australia is a country and also a continent. ; Kangaroos and koalas live in Australia.
New Zealand | Wellington | Oceania | English and Maori | Auckland | New Zealand is made up of two main islands and many small ones. ; Kiwi birds live only in New Zealand.
Fiji | Suva | Oceania | English, Fijian and Hindi | = | Fiji is made up of more than three hundred islands. ; Fiji is in the South Pacific Ocean.
""", ["country", "capital", "continent", "languages", "big", "facts*"])

CITIES = table("""
Sydney | Australia | Sydney is one of the biggest cities in Australia. ; Sydney has a famous opera house by the harbor.
Melbourne | Australia | Melbourne is one of the biggest cities in Australia. ; Melbourne is known for its cafes and sports.
Toronto | Canada | Toronto is the biggest city in Canada. ; Toronto is on the shore of Lake Ontario.
Vancouver | Canada | Vancouver is on the west coast of Canada, between the mountains and the sea. ; Vancouver has mild, rainy winters.
Montreal | Canada | Montreal is a big city in Canada where most people speak French. ; Montreal is on an island in a river.
Chicago | the United States | Chicago is a big city on Lake Michigan. ; Chicago is known for its tall buildings.
Los Angeles | the United States | Los Angeles is a big city in California. ; Many movies are made in Los Angeles.
San Francisco | the United States | San Francisco has a famous red bridge called the Golden Gate Bridge. ; San Francisco is known for its steep hills.
Seattle | the United States | Seattle is in the northwest of the United States. ; Seattle gets a lot of rain.
Miami | the United States | Miami is a city in Florida with warm weather all year. ; Miami is known for its beaches.
Boston | the United States | Boston is one of the oldest cities in the United States. ; Boston is known for its universities.
Barcelona | Spain | Barcelona is on the coast of Spain, by the Mediterranean Sea. ; Barcelona is known for its beaches and unusual buildings.
Milan | Italy | Milan is a big city in the north of Italy. ; Milan is known for fashion.
Venice | Italy | Venice is built on water, and people travel by boat on its canals. ; Venice has more than a hundred small islands.
Florence | Italy | Florence is famous for its art and old buildings. ; Florence is in the middle of Italy.
Munich | Germany | Munich is a big city in the south of Germany. ; Munich is close to the Alps.
Hamburg | Germany | Hamburg is a big port city in the north of Germany. ; Hamburg has a very large harbor.
Edinburgh | the United Kingdom | Edinburgh is the capital of Scotland. ; Edinburgh has a castle on a hill.
Manchester | the United Kingdom | Manchester is a big city in the north of England. ; Manchester is known for football and music.
Istanbul | Turkey | Istanbul is the biggest city in Turkey. ; Istanbul is partly in Europe and partly in Asia.
Mumbai | India | Mumbai is one of the biggest cities in India. ; Many films are made in Mumbai.
Shanghai | China | Shanghai is one of the biggest cities in the world. ; Shanghai is a busy port on the coast of China.
Osaka | Japan | Osaka is a big city in Japan. ; Osaka is known for its food.
Kyoto | Japan | Kyoto has many old temples and gardens. ; Kyoto was the capital of Japan for a very long time.
Lagos | Nigeria | Lagos is the biggest city in Nigeria. ; Lagos is on the coast of West Africa.
Cape Town | South Africa | Cape Town is a city on the coast of South Africa. ; Cape Town sits below a flat-topped mountain called Table Mountain.
Dubai | the United Arab Emirates | Dubai is a city in the desert by the sea. ; Dubai has the tallest building in the world.
Casablanca | Morocco | Casablanca is the biggest city in Morocco. ; Casablanca is on the Atlantic coast.
Auckland | New Zealand | Auckland is the biggest city in New Zealand. ; Auckland is built around two harbors.
Zurich | Switzerland | Zurich is the biggest city in Switzerland. ; Zurich is next to a big lake.
Marseille | France | Marseille is an old port city in the south of France. ; Marseille is on the Mediterranean Sea.
Lyon | France | Lyon is a big city in France. ; Lyon is known for its food.
Porto | Portugal | Porto is a city in the north of Portugal. ; Porto is known for its bridges and its old river front.
Karachi | Pakistan | Karachi is the biggest city in Pakistan. ; Karachi is on the coast of the Arabian Sea.
""", ["city", "country", "facts*"])

CONTINENTS = table("""
Africa | Africa is the second biggest continent. ; Africa has more than fifty countries. ; The Sahara, the biggest hot desert in the world, is in Africa.
Antarctica | Antarctica is the coldest continent. ; Antarctica is covered in thick ice, and no one lives there all year. ; Penguins and seals live on the coasts of Antarctica.
Asia | Asia is the biggest continent. ; More people live in Asia than on any other continent. ; Mount Everest, the highest mountain in the world, is in Asia.
Europe | Europe is a small continent with many countries. ; Europe has many old cities and castles. ; The Alps are the biggest mountains in western Europe.
North America | North America includes Canada, the United States and Mexico. ; North America also includes the countries of Central America and the Caribbean. ; Greenland, the biggest island in the world, is part of North America.
South America | South America has twelve countries. ; The Amazon rain forest covers a large part of South America. ; The Andes, the longest mountain range on land, run along the west side of South America.
Oceania | Oceania is made up of Australia, New Zealand and many islands in the Pacific Ocean. ; Australia is the biggest country in Oceania. ; Apart from Antarctica, Oceania has the fewest people of any continent.
""", ["name", "facts*"])

OCEANS = table("""
Pacific | The Pacific is the biggest and deepest ocean. ; The Pacific is between Asia and Australia on one side and the Americas on the other. ; The deepest place in the ocean, the Mariana Trench, is in the Pacific.
Atlantic | The Atlantic is the second biggest ocean. ; The Atlantic is between the Americas on one side and Europe and Africa on the other.
Indian | The Indian Ocean is the third biggest ocean. ; The Indian Ocean is between Africa, Asia and Australia. ; The Indian Ocean is the warmest ocean.
Southern | The Southern Ocean goes all the way around Antarctica. ; The Southern Ocean is very cold and windy.
Arctic | The Arctic Ocean is the smallest and shallowest ocean. ; The Arctic Ocean is around the North Pole. ; Much of the Arctic Ocean is covered in ice.
""", ["name", "facts*"])

# ---------------------------------------------------------------------------
# Data: foods
# columns: food | plural ('-' when it is a mass noun) | kind | color |
#          taste | health | facts
# kind 'fruitveg' is a fruit to a botanist that is cooked like a vegetable.
# ---------------------------------------------------------------------------

FOODS = table("""
apple | apples | fruit | red, green or yellow | sweet or a little sour, and crisp | Apples have fiber and vitamin C, so they make a healthy snack. | Apples grow on trees. ; There are thousands of kinds of apples. ; Apples float in water.
banana | bananas | fruit | yellow when ripe, and green before that | sweet and soft | Bananas give you quick energy and have potassium. | Bananas grow in big bunches on tall plants. ; Bananas grow in warm places. ; Brown spots mean a banana is very ripe and sweet.
orange | oranges | fruit | orange | sweet, juicy and a little sour | Oranges are full of vitamin C. | Oranges grow on trees in warm places. ; Many people drink orange juice at breakfast.
strawberry | strawberries | fruit | red | sweet and juicy | Strawberries have lots of vitamin C. | Strawberries have their seeds on the outside. ; Strawberries grow on small plants close to the ground.
grape | grapes | fruit | green, red or purple | sweet and juicy | Grapes make a good snack, and they are mostly water. | Grapes grow in bunches on vines. ; Raisins are dried grapes.
lemon | lemons | fruit | yellow | very sour | Lemons have lots of vitamin C. | Lemons grow on trees in warm places. ; Lemon juice is used in drinks, cakes and salad dressings.
watermelon | watermelons | fruit | green on the outside and red or pink inside | sweet, juicy and refreshing | Watermelon is mostly water, so it helps you stay cool and hydrated. | Watermelons grow on vines along the ground. ; Watermelons are a favorite summer fruit.
pineapple | pineapples | fruit | yellow inside with a brown and green skin | sweet and a little sour | Pineapple has vitamin C and fiber. | A pineapple grows from the middle of a spiky plant. ; It takes about two years for a pineapple plant to grow a fruit.
mango | mangoes | fruit | yellow, orange or red when ripe | very sweet and juicy | Mangoes have vitamins A and C. | Mangoes grow on trees in hot places. ; India grows more mangoes than any other country.
peach | peaches | fruit | orange, yellow and pink | sweet and juicy | Peaches are a healthy, juicy snack. | Peaches have soft, fuzzy skin. ; Peaches have a big stone in the middle.
pear | pears | fruit | green, yellow or brown | sweet and soft when ripe | Pears have lots of fiber. | Pears grow on trees. ; Pears ripen best after they are picked.
cherry | cherries | fruit | dark red | sweet or sour, depending on the kind | Cherries are a healthy snack in small bowls. | Cherries have a small stone in the middle. ; Cherry trees have pretty pink or white flowers in spring.
blueberry | blueberries | fruit | dark blue | sweet and a little tart | Blueberries are full of vitamins and are very good for you. | Blueberries grow on bushes. ; Blueberries are great in muffins, pancakes and oatmeal.
kiwi | kiwis | fruit | brown outside and bright green inside | sweet and tangy | Kiwis have a lot of vitamin C. | Kiwis have tiny black seeds inside. ; You can scoop a kiwi out with a spoon.
coconut | coconuts | fruit | brown outside and white inside | sweet and nutty | Coconut water is a refreshing drink. | Coconuts grow on palm trees near the sea. ; A coconut has a very hard shell.
plum | plums | fruit | purple, red or yellow | sweet and juicy | Plums are a healthy fruit with fiber. | Dried plums are called prunes. ; Plums grow on trees.
avocado | avocados | fruitveg | green or dark green | creamy and mild | Avocados have healthy fats. | An avocado is a fruit with one big seed. ; Avocados are used to make guacamole.
tomato | tomatoes | fruitveg | red when ripe | juicy, a little sweet and a little sour | Tomatoes have vitamin C. | A tomato is a fruit, but people cook it like a vegetable. ; Tomatoes are used in sauces, salads and soups.
cucumber | cucumbers | fruitveg | green | fresh, cool and crunchy | Cucumbers are mostly water. | Cucumbers grow on vines. ; Pickles are made from cucumbers.
pumpkin | pumpkins | fruitveg | orange | mild and a little sweet when cooked | Pumpkin has lots of vitamin A. | Pumpkins grow on vines along the ground. ; People carve pumpkins in the fall.
carrot | carrots | vegetable | orange, and some are purple or yellow | sweet and crunchy | Carrots have vitamin A, which is good for your eyes. | Carrots are roots that grow under the ground. ; Long ago, most carrots were purple or yellow.
potato | potatoes | vegetable | brown, yellow or red on the outside | mild and soft when cooked | Potatoes give you energy, especially when you eat the skin too. | Potatoes grow under the ground. ; You can boil, bake, mash or fry potatoes.
broccoli | - | vegetable | green | fresh and a little bitter | Broccoli has lots of vitamins and fiber. | Broccoli looks like a tiny tree. ; You can eat broccoli raw, steamed or roasted.
spinach | - | vegetable | dark green | mild and a little earthy | Spinach has iron and vitamins. | Spinach leaves get much smaller when you cook them. ; Spinach is good in salads, soups and pasta.
lettuce | - | vegetable | green, and some is red | fresh, crisp and mild | Lettuce is mostly water and very light. | Lettuce is used in salads and sandwiches. ; Lettuce grows quickly in cool weather.
onion | onions | vegetable | white, yellow or red | sharp when raw and sweet when cooked | Onions add flavor to food without much fat. | Cutting onions can make your eyes water. ; Onions grow under the ground.
corn | - | vegetable | yellow, and some is white | sweet | Corn gives you energy and fiber. | Corn grows on tall plants. ; Popcorn is made from a special kind of corn.
pea | peas | vegetable | green | sweet | Peas have protein and fiber. | Peas grow in pods. ; Peas are small, round and green.
bean | beans | legume | green, red, black, white or brown, depending on the kind | mild and a little nutty | Beans are full of protein and fiber. | There are many kinds of beans, like black beans, kidney beans and green beans. ; Beans grow in pods on plants.
mushroom | mushrooms | vegetable | white or brown | earthy and mild | Mushrooms are low in fat. | A mushroom is a fungus, not a plant. ; Never eat wild mushrooms unless an expert says they are safe.
pepper | peppers | fruitveg | red, green, yellow or orange | sweet, or hot for chili peppers | Peppers have lots of vitamin C. | Bell peppers are sweet, and chili peppers are hot. ; Peppers change color as they ripen.
garlic | - | vegetable | white | strong and sharp | Garlic adds lots of flavor to food. | Garlic grows as a bulb made of small pieces called cloves. ; Garlic smells strong.
cabbage | cabbages | vegetable | green, white or purple | mild and a little sweet | Cabbage has vitamin C and fiber. | Cabbage grows in a tight ball of leaves. ; Sauerkraut is made from cabbage.
rice | - | grain | white or brown | mild | Rice gives you energy, and brown rice has more fiber. | Rice grows in wet fields called paddies. ; Rice is the main food for billions of people.
bread | - | grain | brown or white | soft inside with a crust | Bread gives you energy, and whole grain bread has more fiber. | Bread is made from flour, water, salt and yeast. ; People have been baking bread for thousands of years.
pasta | - | grain | pale yellow | mild | Pasta gives you energy. | Pasta is made from wheat flour and water, and sometimes eggs. ; There are hundreds of shapes of pasta.
oats | - | grain | light brown | mild and a little nutty | Oats are full of fiber and keep you full. | Oatmeal is made from oats. ; Oats grow in cool places.
cheese | - | dairy | white, yellow or orange | salty and creamy | Cheese has calcium and protein, but also a lot of fat, so it is best in small amounts. | Cheese is made from milk. ; There are hundreds of kinds of cheese.
milk | - | dairy | white | mild and creamy | Milk has calcium, which helps build strong bones. | Most milk comes from cows, and some comes from goats. ; Milk is used to make butter, cheese and yogurt.
yogurt | - | dairy | white | creamy and a little sour | Yogurt has calcium and good bacteria for your stomach. | Yogurt is made from milk. ; Yogurt is nice with fruit.
butter | - | dairy | pale yellow | rich and creamy | Butter has a lot of fat, so it is best in small amounts. | Butter is made by churning cream. ; Butter melts when it gets warm.
egg | eggs | protein | white or brown on the outside, with a yellow yolk inside | mild | Eggs have lots of protein. | You can boil, fry or scramble eggs. ; The yellow part of an egg is called the yolk.
chicken | - | meat | white or light brown when cooked | mild | Chicken has lots of protein. | Chicken must be cooked all the way through. ; Chicken is one of the most popular meats in the world.
fish | - | fish | white, pink or gray | mild, and sometimes a little salty | Fish has protein and healthy fats. | Salmon, tuna and cod are popular fish to eat. ; Fish cooks quickly.
peanut | peanuts | legume | light brown | nutty and a little salty | Peanuts have protein and healthy fats. | A peanut is really a legume, like beans and peas, not a true nut. ; Peanuts grow under the ground. ; Peanut butter is made from crushed peanuts.
almond | almonds | nut | light brown | nutty and a little sweet | Almonds have protein, fiber and healthy fats. | Almonds grow on trees. ; Almond milk is made from almonds and water.
walnut | walnuts | nut | light brown | nutty and a little bitter | Walnuts have healthy fats. | Walnuts grow on trees inside a hard shell. ; A walnut looks a bit like a tiny brain.
chocolate | - | sweet | brown, and some is white | sweet and rich | Chocolate is a treat, so it is best in small amounts. | Chocolate is made from cocoa beans. ; Cocoa beans grow on trees in hot places.
ice cream | - | sweet | many colors, depending on the flavor | sweet, cold and creamy | Ice cream is a treat, so enjoy it now and then. | Ice cream is made from milk or cream, sugar and flavors. ; Vanilla and chocolate are very popular ice cream flavors.
cookie | cookies | sweet | golden brown | sweet | Cookies are a treat, best in small amounts. | Cookies are made from flour, sugar, butter and eggs. ; Chocolate chip cookies are very popular.
popcorn | - | snack | white or yellow | light and crunchy | Plain popcorn is a light snack with fiber. | Popcorn pops because the water inside each kernel turns to steam. ; Popcorn is a popular snack at the movies.
soup | - | dish | many colors, depending on the kind | warm and comforting | Vegetable soup is a healthy and filling meal. | There are many kinds of soup, like tomato, chicken and vegetable. ; Soup is great on a cold day.
salad | - | dish | mostly green | fresh and crunchy | Salad is a healthy way to eat more vegetables. | A salad can have lettuce, tomatoes, cucumbers and many other things. ; Salad dressing adds flavor.
pizza | - | dish | golden brown, with red sauce and melted cheese on top | warm, cheesy and savory | Pizza is tasty, and adding vegetables makes it more balanced. | Pizza comes from Italy. ; Pizza is baked in a very hot oven.
tea | - | drink | brown, green or gold | warm and a little bitter | Plain tea has no sugar and can be a nice, calming drink. | Tea is made from the leaves of the tea plant. ; People drink tea hot or iced.
coffee | - | drink | dark brown | strong and a little bitter | Coffee has caffeine, so it is best not to drink it late in the day. | Coffee is made from roasted coffee beans. ; Coffee beans are the seeds of the coffee plant.
water | - | drink | clear | clean and fresh | Water is the best drink for your body. | Your body needs water every day. ; About two thirds of your body is water.
orange juice | - | drink | orange | sweet and a little sour | Orange juice has vitamin C, but also a lot of sugar. | Orange juice is made by squeezing oranges. ; Some orange juice has bits of fruit in it.
sweet potato | sweet potatoes | vegetable | orange inside, with a brown or red skin | sweet and soft when cooked | Sweet potatoes have lots of vitamin A and fiber. | Sweet potatoes grow under the ground. ; You can bake, mash or roast sweet potatoes.
celery | - | vegetable | pale green | crunchy, fresh and a little salty | Celery is mostly water and very low in calories. | Celery grows in long stalks. ; Celery is often used in soups.
raspberry | raspberries | fruit | red | sweet and a little tart | Raspberries are full of fiber and vitamin C. | A raspberry is hollow in the middle. ; Raspberries grow on thorny bushes.
melon | melons | fruit | green, orange or yellow inside | sweet and juicy | Melons are mostly water and great on hot days. | Melons grow on vines along the ground. ; Cantaloupe and watermelon are kinds of melon.
lentil | lentils | legume | brown, green, red or yellow | mild and earthy | Lentils are full of protein and fiber. | Lentils are small seeds that grow in pods. ; Lentils cook quickly and are great in soup.
noodle | noodles | grain | pale yellow or white | mild | Noodles give you energy. | Noodles are long, thin strips of dough. ; Noodles are popular all over Asia.
tofu | - | protein | white | mild and soft | Tofu is full of protein. | Tofu is made from soybeans. ; Tofu takes on the flavor of whatever you cook it with.
""", ["food", "plural", "kind", "color", "taste", "health", "facts*"])

FOOD_KINDS = {
    "fruit": "a fruit", "vegetable": "a vegetable", "fruitveg": "a fruit",
    "grain": "a grain food", "legume": "a legume", "dairy": "a dairy food",
    "protein": "a protein food", "meat": "a meat", "fish": "a kind of seafood",
    "nut": "a nut", "sweet": "a sweet treat", "snack": "a snack",
    "dish": "a dish", "drink": "a drink",
}

# ---------------------------------------------------------------------------
# Data: dishes and drinks you can make
# columns: dish (as in "How do I make ...?") | meals | what it is |
#          what goes in it | steps, in order
# ---------------------------------------------------------------------------

DISHES = table("""
pancakes | breakfast | Pancakes are flat, round cakes cooked in a pan. | flour, milk, eggs, a little sugar, baking powder and a pinch of salt
  | Mix flour, milk, eggs, a little sugar and baking powder into a smooth batter. ; Heat a pan with a little butter or oil over medium heat. ; Pour in some batter and cook until bubbles appear on top. ; Flip it and cook the other side until golden. ; Serve with fruit, syrup or yogurt.
scrambled eggs | breakfast | Scrambled eggs are eggs beaten and stirred in a pan until soft and fluffy. | eggs, a little butter, salt and pepper
  | Crack two or three eggs into a bowl and beat them with a fork. ; Melt a little butter in a pan over low heat. ; Pour in the eggs and stir them slowly. ; Take the pan off the heat while the eggs are still soft, and add a pinch of salt.
an omelet | breakfast; lunch | An omelet is beaten eggs cooked flat in a pan and folded over a filling. | eggs, butter and fillings like cheese, ham, spinach or mushrooms
  | Beat two or three eggs with a pinch of salt. ; Melt butter in a pan and pour in the eggs. ; When the eggs are almost set, add cheese or vegetables on one half. ; Fold the omelet over and slide it onto a plate.
French toast | breakfast | French toast is bread dipped in egg and milk and fried until golden. | bread, eggs, milk, a little cinnamon and butter
  | Beat eggs and milk in a shallow dish with a little cinnamon. ; Dip slices of bread in the mix on both sides. ; Fry them in a buttered pan until golden on each side. ; Serve with fruit or a little syrup.
oatmeal | breakfast | Oatmeal is a warm porridge made from oats. | oats, milk or water and toppings like fruit or nuts
  | Put one part oats and two parts milk or water in a pot. ; Bring it to a gentle boil, then turn the heat down. ; Stir for about five minutes until it is thick and creamy. ; Top it with fruit, nuts or a little sugar.
toast | breakfast; snack | Toast is bread that has been browned with heat. | bread and toppings like butter, jam or peanut butter
  | Put a slice of bread in the toaster. ; Toast it until it is golden brown. ; Spread on butter, jam or anything you like.
a smoothie | breakfast; snack; drink | A smoothie is a thick, cold drink made by blending fruit. | fruit, like bananas or berries, with milk, yogurt or juice
  | Put fruit, like a banana and some berries, in a blender. ; Add milk, yogurt or juice. ; Blend until it is smooth, and pour it into a glass.
a cheese sandwich | lunch; snack | A cheese sandwich is cheese between two slices of bread. | bread, cheese and extras like lettuce or tomato
  | Take two slices of bread. ; Put slices of cheese on one slice, and add lettuce or tomato if you like. ; Put the other slice on top and cut it in half.
a grilled cheese sandwich | lunch | A grilled cheese sandwich is a cheese sandwich fried until the bread is crisp and the cheese melts. | bread, cheese and butter
  | Butter the outside of two slices of bread. ; Put cheese between them, with the buttered sides out. ; Cook it in a pan over medium heat until golden. ; Flip it and cook the other side until the cheese melts.
a fruit salad | breakfast; snack; dessert | A fruit salad is a bowl of mixed, chopped fruit. | fruits like apples, bananas, grapes, berries and oranges
  | Wash the fruit well. ; Cut apples, bananas, oranges and any other fruit into small pieces. ; Mix them in a bowl with a squeeze of lemon juice so the apples stay fresh.
a green salad | lunch; dinner | A green salad is a bowl of fresh leaves and vegetables. | lettuce, cucumber, tomato and a dressing
  | Wash and dry the lettuce. ; Tear it into pieces and add sliced cucumber and tomato. ; Mix olive oil, lemon juice and a pinch of salt for a dressing. ; Toss the salad with the dressing just before you eat.
tomato soup | lunch; dinner | Tomato soup is a warm soup made from tomatoes. | tomatoes, onion, garlic, a little oil and stock
  | Cook a chopped onion and garlic in a little oil until soft. ; Add chopped tomatoes and some stock. ; Let it simmer for about twenty minutes. ; Blend it until smooth and add salt to taste.
vegetable soup | lunch; dinner | Vegetable soup is a warm soup full of vegetables. | carrots, onions, celery, potatoes, stock and herbs
  | Chop onions, carrots, celery and potatoes. ; Cook the onions in a little oil until soft. ; Add the other vegetables and cover them with stock. ; Simmer for about thirty minutes until everything is tender.
spaghetti with tomato sauce | lunch; dinner | It is long, thin pasta served with a simple tomato sauce. | spaghetti, tomatoes, garlic, olive oil and salt
  | Boil a big pot of salted water and cook the spaghetti as the package says. ; While it cooks, warm olive oil and garlic in a pan, then add tomatoes. ; Let the sauce simmer for about ten minutes. ; Drain the pasta and mix it with the sauce.
fried rice | lunch; dinner | Fried rice is cooked rice fried in a pan with eggs and vegetables. | cooked rice, eggs, peas, carrots, onion and soy sauce
  | Heat a little oil in a big pan. ; Fry chopped onion, carrots and peas for a few minutes. ; Push them aside, scramble an egg, then add cold cooked rice. ; Stir everything together with a little soy sauce.
mashed potatoes | dinner | Mashed potatoes are boiled potatoes mashed until smooth. | potatoes, butter, milk and salt
  | Peel the potatoes and cut them into chunks. ; Boil them in salted water for about fifteen minutes, until soft. ; Drain them and mash them with butter and warm milk. ; Add salt to taste.
rice | lunch; dinner | Cooked rice is a simple side dish. | rice and water
  | Rinse one cup of rice in cold water. ; Put it in a pot with about two cups of water and a pinch of salt. ; Bring it to a boil, then cover it and cook on low heat for about fifteen minutes. ; Let it rest for five minutes, then fluff it with a fork.
guacamole | snack | Guacamole is a dip made from mashed avocado. | avocados, lime juice, onion, tomato and salt
  | Cut two ripe avocados in half and scoop them into a bowl. ; Mash them with a fork. ; Mix in lime juice, a little chopped onion and tomato, and salt.
hot chocolate | drink; snack | Hot chocolate is a warm, sweet drink made with milk and cocoa. | milk, cocoa powder and sugar
  | Warm a cup of milk in a small pot. ; Stir in a spoon of cocoa powder and a little sugar. ; Keep stirring until it is hot, but do not let it boil.
lemonade | drink | Lemonade is a sweet and sour drink made from lemons. | lemons, sugar and cold water
  | Squeeze the juice from four or five lemons. ; Stir in sugar until it dissolves. ; Add cold water and ice, then taste and add more sugar or water if you like.
iced tea | drink | Iced tea is tea served cold. | tea bags, water, ice and lemon
  | Make strong tea with hot water and a few tea bags. ; Let it cool, then put it in the fridge. ; Serve it over ice with a slice of lemon.
popcorn | snack | Popcorn is corn kernels heated until they pop. | popcorn kernels, a little oil and salt
  | Heat a little oil in a big pot with a lid. ; Add a layer of popcorn kernels and put the lid on. ; Shake the pot now and then until the popping slows down. ; Pour it into a bowl and add a little salt.
banana bread | snack; dessert | Banana bread is a sweet, soft loaf made with ripe bananas. | ripe bananas, flour, sugar, eggs, butter and baking soda
  | Mash three ripe bananas in a bowl. ; Mix in melted butter, sugar and an egg. ; Stir in flour and a little baking soda. ; Pour it into a loaf pan and bake for about an hour.
chocolate chip cookies | dessert; snack | Chocolate chip cookies are sweet cookies with bits of chocolate. | butter, sugar, eggs, flour, baking soda and chocolate chips
  | Mix soft butter and sugar until creamy, then beat in an egg. ; Stir in flour, a little baking soda and chocolate chips. ; Put small balls of dough on a baking tray. ; Bake for about ten minutes, until the edges are golden.
a baked potato | lunch; dinner | A baked potato is a whole potato cooked in the oven. | a potato, a little oil, salt and toppings
  | Wash the potato and poke it a few times with a fork. ; Rub it with a little oil and salt. ; Bake it in a hot oven for about an hour, until soft inside. ; Cut it open and add butter, cheese or beans.
tacos | lunch; dinner | Tacos are folded tortillas filled with tasty fillings. | tortillas, beans or meat, cheese, lettuce, tomato and salsa
  | Warm the tortillas in a dry pan. ; Cook beans or meat with a little spice. ; Fill each tortilla and top it with cheese, lettuce, tomato and salsa.
a vegetable stir fry | dinner | A stir fry is small pieces of food cooked fast in a hot pan. | vegetables like peppers, carrots and broccoli, oil and soy sauce
  | Cut the vegetables into small, even pieces. ; Heat a little oil in a big pan until very hot. ; Add the vegetables and stir them for a few minutes. ; Add soy sauce and serve with rice or noodles.
hummus | snack | Hummus is a creamy dip made from chickpeas. | chickpeas, sesame paste, lemon juice, garlic and olive oil
  | Drain a can of chickpeas. ; Blend them with sesame paste, lemon juice, garlic and a little olive oil. ; Add a splash of water until it is smooth, and salt to taste.
porridge with fruit | breakfast | It is warm oatmeal topped with fresh fruit. | oats, milk and fruit
  | Cook oats with milk, stirring, for about five minutes. ; Slice a banana or add a handful of berries. ; Put the fruit on top and enjoy it warm.
a tuna sandwich | lunch | A tuna sandwich is bread filled with tuna mixed with a little mayonnaise. | canned tuna, mayonnaise, bread and lettuce
  | Drain a can of tuna and put it in a bowl. ; Mix it with a little mayonnaise and a pinch of pepper. ; Spread it on bread and add lettuce.
""", ["dish", "meals*", "what", "has", "steps*"])

# ---------------------------------------------------------------------------
# Data: hobbies
# columns: hobby (a gerund: "I like ...") | why it is good | how to start |
#          what you need
# ---------------------------------------------------------------------------

HOBBIES = table("""
reading | Reading lets you visit new places and learn new things without leaving your chair. ; Reading before bed can help you relax.
  | Start with a book about something you already like. ; Your local library is a great free place to find books. ; Try reading for twenty minutes a day.
  | You only need a book, or a library card.
drawing | Drawing helps you relax and notice the world around you. ; Drawing is cheap and you can do it anywhere.
  | Start by drawing simple things around you, like a cup or a plant. ; Draw a little every day, even for ten minutes. ; Do not worry about mistakes, because they help you learn.
  | You need a pencil, an eraser and some paper.
painting | Painting is a calm and creative way to spend time. ; Painting lets you play with color.
  | Start with a small set of watercolor or acrylic paints. ; Paint simple things, like fruit or a sky. ; Try copying a painting you like to learn how it was made.
  | You need paints, a few brushes, paper or canvas and a cup of water.
gardening | Gardening gets you outside and moving. ; It feels good to watch something you planted grow.
  | Start with easy plants, like herbs, beans or sunflowers. ; A few pots on a sunny windowsill are enough to begin. ; Water your plants regularly and give them plenty of light.
  | You need soil, seeds or small plants, pots and a watering can.
cooking | Cooking lets you make healthy food that you like. ; Cooking for friends is a nice way to share time together.
  | Start with simple dishes, like pasta, soup or eggs. ; Follow a recipe step by step. ; Cook with someone who already knows how.
  | You need a pan, a pot, a knife, a cutting board and a simple recipe.
baking | Baking is fun, and you get a tasty treat at the end. ; Baking teaches you to measure and follow steps.
  | Start with an easy recipe, like cookies or banana bread. ; Measure your ingredients carefully. ; Make sure your oven is hot before you put things in.
  | You need an oven, a mixing bowl, measuring cups and a baking tray.
knitting | Knitting is calming and keeps your hands busy. ; You can make warm gifts for friends.
  | Start with a simple scarf. ; Learn the basic knit stitch first. ; Thick yarn and big needles are easier for beginners.
  | You need knitting needles and some yarn.
photography | Photography helps you notice beautiful things around you. ; Photos help you remember special moments.
  | Start with the camera on your phone. ; Take pictures in soft morning or evening light. ; Try different angles, like very low or very high.
  | A phone camera is enough to begin.
hiking | Hiking is great exercise in fresh air. ; Hiking lets you see beautiful nature up close.
  | Start with short, easy trails near you. ; Bring water and a snack. ; Tell someone where you are going.
  | You need comfortable shoes, water and a small backpack.
running | Running is good for your heart and your mood. ; Running is simple and does not cost much.
  | Start slowly, mixing running and walking. ; Run two or three times a week at first. ; Rest when you need to, and build up little by little.
  | You need a good pair of running shoes and comfortable clothes.
swimming | Swimming works your whole body and is easy on your joints. ; Swimming is a great way to cool off in summer.
  | Take lessons if you are just learning. ; Always swim where a lifeguard can see you. ; Start with short swims and rest at the wall.
  | You need a swimsuit, and goggles help a lot.
cycling | Cycling is good exercise and a fun way to get around. ; You can see much more on a bike than on foot.
  | Start with short rides on quiet roads or paths. ; Always wear a helmet. ; Check your tires and brakes before you ride.
  | You need a bike that fits you and a helmet.
dancing | Dancing is fun exercise and lifts your mood. ; Dancing is a great way to meet people.
  | Start by dancing to your favorite songs at home. ; Try a beginner class or follow a video. ; Do not worry about looking perfect.
  | You only need some music and a little space.
singing | Singing can make you feel happy and relaxed. ; Singing with others is a great way to make friends.
  | Sing along to songs you love. ; Warm up your voice before you sing. ; Think about joining a choir.
  | You only need your voice.
playing the guitar | The guitar lets you play many kinds of music. ; You can play songs for your friends.
  | Start by learning a few simple chords. ; Practice a little every day. ; Your fingertips will hurt at first, but they toughen up.
  | You need a guitar and a way to tune it.
playing the piano | The piano is a great instrument for learning how music works. ; You can play tunes and chords at the same time.
  | Start with simple songs using one hand. ; Practice slowly and then speed up. ; A teacher or a good beginner book can help a lot.
  | You need a piano or a keyboard.
playing chess | Chess trains your mind to plan ahead. ; You can play chess with people from all over the world.
  | Learn how each piece moves first. ; Play lots of games and think about your mistakes afterward. ; Try simple chess puzzles.
  | You need a chess set, or a chess app.
doing puzzles | Puzzles keep your mind sharp. ; Puzzles are a calm way to spend an evening.
  | Start with small jigsaw puzzles or easy word puzzles. ; Do the edges of a jigsaw puzzle first. ; Try a new puzzle every week.
  | You need a puzzle and a table.
writing | Writing helps you sort out your thoughts. ; Writing stories lets you make up whole new worlds.
  | Write a few sentences every day. ; Keep a notebook for ideas. ; Start with short stories or a diary.
  | You need a notebook and a pen.
fishing | Fishing is peaceful and gets you outside. ; Fishing teaches patience.
  | Go with someone who knows how. ; Check the rules, because some places need a fishing license. ; Start at a calm lake or pond.
  | You need a fishing rod, a line, hooks and bait.
camping | Camping lets you sleep under the stars. ; Camping is a great break from screens.
  | Start with one night at a campsite close to home. ; Practice putting up your tent before the trip. ; Check the weather before you go.
  | You need a tent, a sleeping bag and warm clothes.
bird watching | Bird watching gets you outside and teaches you about nature. ; You can do it almost anywhere, even from a window.
  | Start in your own garden or a local park. ; Early morning is the best time to see birds. ; Write down each bird you see.
  | A pair of binoculars and a bird guide book help a lot.
collecting stamps | Stamps show pictures and history from all over the world. ; Collecting stamps is calm and fun to share.
  | Start by saving stamps from letters you get. ; Keep them in an album so they do not bend. ; Choose a theme, like animals or one country.
  | You need a stamp album and small tweezers.
sewing | Sewing lets you fix and make your own clothes. ; Sewing saves money and is very satisfying.
  | Start by sewing on a button or fixing a small hole. ; Try a simple project, like a pillow cover. ; Use a sewing machine when you feel ready.
  | You need needles, thread, fabric and scissors.
playing video games | Video games can be fun to play with friends. ; Some games help you solve puzzles and think fast.
  | Pick games that match what you enjoy. ; Take breaks to rest your eyes. ; Set a time limit so games do not take over your day.
  | You need a console, a computer or a phone.
yoga | Yoga helps with balance, strength and stretching. ; Yoga can help you feel calm.
  | Start with a beginner class or a video. ; Move slowly and never push into pain. ; Breathe deeply and steadily.
  | You need a mat and comfortable clothes.
learning a language | A new language lets you talk with more people. ; Learning a language is great exercise for your brain.
  | Practice a few minutes every day. ; Learn the most common words first. ; Listen to songs or shows in the language.
  | You need a good book, an app or a class.
pottery | Pottery is relaxing and very hands-on. ; You can make your own cups and bowls.
  | Take a beginner class at a local studio. ; Start with simple pinch pots. ; Expect a few wobbly pots at first.
  | You need clay and, later on, a wheel and a kiln, which classes usually have.
origami | Origami turns a plain sheet of paper into something beautiful. ; It helps your patience and focus.
  | Start with easy shapes, like a paper boat or a cup. ; Make sharp, neat folds. ; Follow pictures step by step.
  | You only need square paper.
skateboarding | Skateboarding is fun and great for balance. ; Skateboarding helps you make friends at the skate park.
  | Start by learning to stand and push on flat ground. ; Wear a helmet and pads. ; Practice slowly before you try tricks.
  | You need a skateboard, a helmet and pads.
rock climbing | Climbing makes you strong and is like solving a puzzle with your body. ; Climbing builds confidence.
  | Start at an indoor climbing gym with a teacher. ; Learn how to use the rope and harness safely. ; Start with easy routes.
  | Climbing gyms usually rent shoes and a harness.
woodworking | Woodworking lets you build useful things with your hands. ; It feels great to finish something you made.
  | Start with a simple project, like a small shelf or a box. ; Learn to use each tool safely. ; Measure twice and cut once.
  | You need wood, sandpaper, a saw, a hammer and safety glasses.
journaling | Writing in a diary helps you understand your feelings. ; It is nice to look back on old pages later.
  | Write a few lines each night. ; Write about what happened and how you felt. ; Do not worry about spelling or style.
  | You only need a notebook and a pen.
""", ["hobby", "why*", "start*", "need"])

# ---------------------------------------------------------------------------
# Data: sports
# columns: sport | players on a team ('-' when not a team sport) |
#          what you need | how it works (first is the core) | more facts
# ---------------------------------------------------------------------------

SPORTS = table("""
soccer | eleven | a ball, a pair of boots and two goals | Two teams try to kick the ball into the other team's goal. ; Only the goalkeeper may use their hands inside their area. | Soccer is called football in most countries. ; Soccer is the most popular sport in the world. ; A game has two halves of forty five minutes.
basketball | five | a ball and a hoop | Two teams try to throw the ball through the other team's hoop. ; Players bounce the ball as they move, which is called dribbling. | Basketball was invented in the United States in 1891. ; The hoop is ten feet high.
baseball | nine | a bat, a ball and gloves | One team pitches and fields, and the other team tries to hit the ball and run around four bases. ; A run is scored when a player gets all the way around the bases. | A baseball game has nine innings. ; Baseball is very popular in the United States, Japan and the Caribbean.
tennis | - | a racket, tennis balls and a court with a net | Players hit a ball over a net with rackets and try to make the other player miss. ; You can play tennis with one player on each side or two. | Tennis scores go love, fifteen, thirty, forty and game. ; Tennis can be played on grass, clay or hard courts.
volleyball | six | a ball and a high net | Two teams hit a ball over a high net with their hands and try to make it land on the other side. ; Each team can touch the ball three times before sending it over. | Beach volleyball is played on sand with two players on each team.
swimming | - | a swimsuit and goggles | Swimmers race each other in a pool using strokes like freestyle, backstroke and breaststroke. ; The first swimmer to touch the wall at the finish wins. | Swimming is one of the best exercises for the whole body.
running | - | running shoes | Runners race over a set distance, and the fastest one wins. ; Races can be short sprints or long marathons. | A marathon is about twenty six miles long.
cycling | - | a bike and a helmet | Riders race on bikes on roads, tracks or mountain trails. ; Some races last for one day and some for three weeks. | The Tour de France is a famous bike race.
hockey | six | skates, sticks, a puck and a helmet | Two teams skate on ice and try to hit a small disc called a puck into the other team's goal. ; Players use long sticks to pass and shoot. | Ice hockey is very popular in Canada. ; Hockey players can skate very fast.
golf | - | golf clubs and golf balls | Players hit a small ball into a series of holes using as few hits as they can. ; A round of golf usually has eighteen holes. | The lowest score wins in golf.
badminton | - | rackets and a shuttlecock | Players hit a light shuttlecock over a high net with rackets. ; The shuttlecock must not touch the ground on your side. | A shuttlecock can fly very fast after a strong hit.
table tennis | - | paddles, a small ball and a table with a net | Players hit a small, light ball across a table over a low net. ; The ball must bounce once on each side. | Table tennis is played all over the world, and it is very popular in China.
rugby | fifteen | an oval ball | Two teams carry, pass and kick an oval ball and try to ground it over the other team's line. ; Players may only pass the ball backward with their hands. | Rugby is very popular in New Zealand, Wales and South Africa.
cricket | eleven | a bat, a ball and wickets | One team bowls the ball and the other team hits it and runs between two sets of wickets to score runs. ; A team is out when ten of its players are out. | Cricket is very popular in India, England and Australia. ; Some cricket matches last for five days.
skiing | - | skis, boots, poles and warm clothes | Skiers slide down snowy mountains on long, flat skis. ; Some skiers race and some jump. | Skiing is a popular winter sport in the mountains.
boxing | - | gloves and a mouth guard | Two boxers try to land punches while protecting themselves, in a ring with a referee. ; A match is split into short rounds. | Boxers train very hard to stay fit.
gymnastics | - | a mat and, later, special equipment | Gymnasts do flips, jumps and balances, and judges give them scores. ; Events include the floor, the beam and the bars. | Gymnasts need strength, balance and flexibility.
surfing | - | a surfboard and sometimes a wetsuit | Surfers ride ocean waves standing on a board. ; They paddle out, wait for a wave and stand up as it carries them. | Surfing is popular in Hawaii and Australia.
""", ["sport", "players", "need", "how*", "facts*"])

# ---------------------------------------------------------------------------
# Data: instruments and kinds of music, movies and books
# ---------------------------------------------------------------------------

INSTRUMENTS = table("""
piano | a keyboard instrument | You play the piano by pressing keys, which make small hammers hit strings inside. | A piano usually has eighty eight keys. ; The piano can play very soft or very loud.
guitar | a string instrument | You play the guitar by strumming or plucking its strings. | Most guitars have six strings. ; An electric guitar needs an amplifier to be loud.
violin | a string instrument | You play the violin by moving a bow across its strings. | The violin is the smallest member of the violin family. ; A violin has four strings.
cello | a string instrument | You play the cello sitting down, holding it between your knees and using a bow. | The cello has a deep, warm sound.
drum | a percussion instrument | You play a drum by hitting it with sticks or your hands. | Drums keep the beat in a band. ; A drum kit has several drums and cymbals.
flute | a wind instrument | You play the flute by blowing across a hole near one end. | The flute has a high, clear sound. ; Flutes are usually made of metal today.
trumpet | a brass instrument | You play the trumpet by buzzing your lips into the mouthpiece and pressing valves. | The trumpet has a bright, loud sound. ; A trumpet has three valves.
saxophone | a wind instrument | You play the saxophone by blowing into a mouthpiece with a reed and pressing keys. | The saxophone is popular in jazz. ; The saxophone is made of brass, but it is a woodwind instrument.
clarinet | a wind instrument | You play the clarinet by blowing into a mouthpiece with a reed and covering holes with your fingers. | The clarinet has a warm, smooth sound.
harp | a string instrument | You play the harp by plucking its strings with your fingers. | A big harp can have almost fifty strings.
ukulele | a string instrument | You play the ukulele by strumming its four strings. | The ukulele is small and easy to carry. ; The ukulele is popular in Hawaii.
harmonica | a wind instrument | You play the harmonica by blowing and drawing air through its small holes. | A harmonica fits in your pocket.
xylophone | a percussion instrument | You play the xylophone by hitting wooden bars with small mallets. | Each bar on a xylophone makes a different note.
trombone | a brass instrument | You play the trombone by buzzing your lips and moving a long slide. | The trombone has a deep, warm sound.
accordion | a keyboard instrument | You play the accordion by squeezing its bellows and pressing keys or buttons. | The accordion is popular in folk music.
""", ["name", "family", "how", "facts*"])

GENRES = table("""
music | pop | Pop music is popular music with catchy tunes and simple choruses.
music | rock | Rock music often has electric guitars, drums and strong beats.
music | jazz | Jazz is music with lots of rhythm and playing made up on the spot.
music | classical | Classical music is written for orchestras, pianos and other instruments, often long ago.
music | hip hop | Hip hop music has strong beats, and the words are often spoken in rhythm.
music | country | Country music often tells stories and uses guitars and fiddles.
music | folk | Folk music is traditional music passed down through the years.
music | reggae | Reggae comes from Jamaica and has a relaxed, bouncy rhythm.
music | blues | The blues is a music style with sad, soulful songs that began in the United States.
music | electronic | Electronic music is made with computers and synthesizers.
movie | comedy | A comedy is a funny movie meant to make you laugh.
movie | drama | A drama is a serious movie about people and their problems.
movie | action | An action movie has chases, fights and lots of excitement.
movie | animated | An animated movie is made from drawings or computer pictures that move.
movie | science fiction | Science fiction movies are about the future, space or amazing inventions.
movie | mystery | A mystery is a movie where someone tries to solve a puzzle or a crime.
movie | documentary | A documentary is a movie about real people, places or events.
movie | musical | A musical is a movie where the characters sing and dance.
movie | fantasy | A fantasy movie has magic, dragons or other things that are not real.
movie | horror | A horror movie is meant to be scary.
book | mystery | A mystery book has a puzzle or a crime to solve.
book | adventure | An adventure book follows exciting journeys and brave characters.
book | fantasy | A fantasy book has magic and made-up worlds.
book | science fiction | Science fiction books imagine the future, space or new inventions.
book | biography | A biography is the true story of a person's life.
book | poetry | Poetry uses rhythm and carefully chosen words to share feelings and ideas.
book | history | History books tell what happened in the past.
book | comic | A comic tells a story with pictures and speech bubbles.
""", ["kind", "genre", "what"])

# ---------------------------------------------------------------------------
# Data: weather
# columns: weather word ("It's ... today") | what it is like | what to wear |
#          what to do | safety tips
# ---------------------------------------------------------------------------

WEATHER = table("""
sunny | A sunny day is bright and clear, with lots of sunshine. ; Sunny days often feel warm and cheerful.
  | Wear light clothes, a hat and sunglasses. ; Put on sunscreen, even if it does not feel very hot.
  | It is a great day for a walk in the park. ; You could have a picnic outside. ; Sunny days are perfect for a bike ride.
  | Drink plenty of water. ; Stay in the shade during the hottest part of the day.
rainy | On a rainy day, clouds cover the sky and water falls from them. ; Rain helps plants grow and fills rivers and lakes.
  | Take an umbrella and wear a waterproof jacket. ; Boots will keep your feet dry.
  | It is a good day to read a book or watch a movie. ; You could bake something or play a board game. ; Some people love a walk in the rain with a good coat.
  | Roads can be slippery, so walk and drive carefully. ; Stay away from fast moving water.
cloudy | On a cloudy day, clouds cover much of the sky and hide the sun. ; A cloudy day can be cool, even in summer.
  | Bring a light jacket, just in case. ; Layers are a good idea when the sky is gray.
  | It is a nice day for a walk, because it is not too hot. ; You could visit a museum or a cafe.
  | Clouds can bring rain, so keep an umbrella nearby. ; You can still get sunburned through thin clouds.
windy | On a windy day, the air moves fast and trees sway. ; Wind can make the air feel colder than it really is.
  | Wear a jacket that will not blow open, and tie back long hair. ; A hat may blow away, so hold on to it.
  | It is a perfect day to fly a kite. ; You could watch the clouds race across the sky.
  | Watch out for falling branches. ; Tie down light things outside so they do not blow away.
snowy | On a snowy day, white flakes of snow fall from the sky. ; Snow makes everything quiet and white.
  | Wear a warm coat, a hat, gloves and boots. ; Wear warm socks and layers.
  | You could build a snowman or go sledding. ; It is a cozy day for hot chocolate inside.
  | Walk carefully, because snow and ice are slippery. ; Come inside if your fingers or toes get too cold.
foggy | On a foggy day, a thick cloud sits close to the ground. ; Fog makes it hard to see far.
  | Wear bright clothes so others can see you. ; A light jacket helps, because fog feels damp.
  | Fog can make a forest walk look magical. ; It is a nice day to stay in with a warm drink.
  | Drive slowly and use low headlights. ; Be careful when crossing roads.
stormy | On a stormy day, there can be strong wind, heavy rain, thunder and lightning. ; Storms can come and go quickly.
  | Stay inside if you can, and keep a raincoat ready if you must go out.
  | It is a good time to stay in and read, draw or play a game. ; You could count the seconds between lightning and thunder.
  | Stay indoors during thunder and lightning. ; Stay away from tall trees and water during a storm.
hot | On a hot day, the sun is strong and the air feels warm. ; Hot days are common in summer.
  | Wear loose, light clothes and a hat. ; Light colors help you stay cooler.
  | You could go swimming or play in the shade. ; It is a good day for a cold drink or a slice of watermelon.
  | Drink lots of water. ; Rest in the shade and avoid hard exercise at midday.
cold | On a cold day, the air feels chilly and you can sometimes see your breath. ; Cold days are common in winter.
  | Wear a warm coat, a hat, a scarf and gloves. ; Several thin layers keep you warmer than one thick one.
  | It is a good day for soup and a warm blanket. ; A brisk walk can warm you up.
  | Cover your ears and fingers. ; Watch out for ice on the ground.
humid | On a humid day, the air feels heavy and damp. ; Humid air makes it feel hotter than it is, because sweat dries slowly.
  | Wear light, loose cotton clothes.
  | It is a good day to swim or relax in the shade. ; A cool shower can help you feel fresh.
  | Drink plenty of water. ; Take it easy, because your body has to work harder to stay cool.
icy | On an icy day, water on the ground has frozen into slippery ice.
  | Wear boots with a good grip and warm clothes.
  | It is a good day to stay in, or to go ice skating at a rink.
  | Take small steps and walk slowly. ; Hold on to railings.
""", ["weather", "what*", "wear*", "do*", "safe*"])

# ---------------------------------------------------------------------------
# Data: colors, shapes, the solar system, the senses
# ---------------------------------------------------------------------------

COLORED_THINGS = table("""
the sky | blue on a clear day
grass | green
snow | white
a banana | yellow when it is ripe
a lemon | yellow
a strawberry | red
coal | black
an orange | orange
a carrot | orange
milk | white
chocolate | brown
a tomato | red when it is ripe
a frog | usually green
a flamingo | pink
a crow | black
a polar bear | white
a leaf | green in spring and summer, and often red, orange or yellow in the fall
the sun | white, but it often looks yellow from the ground
a fire truck | usually red
a lime | green
an eggplant | purple
a cloud | white or gray
a tree trunk | brown
the moon | gray and white
a penguin | black and white
a zebra | black and white
a ladybug | usually red with black spots
a school bus | yellow in many countries
blood | red
the ocean | blue or green
a pumpkin | orange
a blueberry | dark blue
a panda | black and white
the night sky | dark, almost black
""", ["thing", "color"])

COLOR_MIXES = [
    ("red", "blue", "purple"), ("blue", "yellow", "green"),
    ("red", "yellow", "orange"), ("red", "white", "pink"),
    ("black", "white", "gray"), ("blue", "white", "light blue"),
]

PRIMARY_COLORS = "red, yellow and blue"

RAINBOW = ["red", "orange", "yellow", "green", "blue", "indigo", "violet"]

SHAPES = table("""
triangle | 3 | three | three corners
square | 4 | four | four equal sides and four square corners
rectangle | 4 | four | four square corners, with two long sides and two short sides
pentagon | 5 | five | five corners
hexagon | 6 | six | six corners, like the cells of a honeycomb
octagon | 8 | eight | eight corners, like a stop sign
circle | 0 | no | no corners; it is perfectly round
""", ["shape", "n", "word", "extra"])

PLANETS = table("""
Mercury | first | Mercury is the smallest planet and the closest to the sun. ; A year on Mercury is only 88 Earth days.
Venus | second | Venus is the hottest planet, because its thick clouds trap heat. ; Venus is very bright in the night sky.
Earth | third | Earth is the only planet we know that has life. ; About seventy percent of Earth is covered by water.
Mars | fourth | Mars is called the red planet because of its red, dusty ground. ; Mars has the tallest volcano in the solar system.
Jupiter | fifth | Jupiter is the biggest planet. ; Jupiter has a giant storm called the Great Red Spot.
Saturn | sixth | Saturn is famous for its beautiful rings. ; Saturn's rings are made of ice and rock.
Uranus | seventh | Uranus spins on its side. ; Uranus is a cold, blue green planet.
Neptune | eighth | Neptune is the farthest planet from the sun. ; Neptune has very strong winds.
""", ["planet", "order", "facts*"])

SENSES = table("""
sight | your eyes | You see colors, shapes and light with your eyes.
hearing | your ears | You hear sounds and music with your ears.
smell | your nose | You smell flowers and food with your nose.
taste | your tongue | You taste sweet, salty, sour and bitter foods with your tongue.
touch | your skin | You feel hot, cold, soft and rough things with your skin.
""", ["sense", "organ", "what"])

# ---------------------------------------------------------------------------
# Data: small talk. A reply is one '-' line, sometimes followed by one '+'.
# Blocks ending in '+' are used instead when the system names a character:
# {name}, {role}, {a_role} and {me} (a line about the job) are filled in.
# ---------------------------------------------------------------------------

SMALL_TALK = blocks("""
== greet
? Hi
? Hi!
? Hello
? Hello!
? Hello there.
? Hey
? Hey!
? Hey there!
? Hi there.
? Hiya!
? Howdy!
? Greetings.
? Yo!
? Hi, assistant.
? Hello, anyone there?
? Hey, how's it going?
? Hi! Nice to see you.
? Hello again!
? Hi friend!
? Good day!
? Hey, you there?
? Hi, how are you doing?
? Hello, friend!
? Hi hi!
? Good to see you!
- Hello!
- Hi there!
- Hello! It's nice to hear from you.
- Hi! Good to see you.
- Hey there!
- Hello, and welcome!
- Hi! Thanks for stopping by.
- Hello there!
- Hi! I'm glad you're here.
- Hey! Nice to hear from you.
+ How can I help you today?
+ What would you like to talk about?
+ What can I do for you?
+ How is your day going?
+ Is there anything I can help with?
+ What's on your mind?
+ How are you today?
+ What would you like to know?
+ Ask me anything you like.
+ Do you have a question for me?

== greet+
- Hello! I'm {name}.
- Hi there! My name is {name}.
- Hello! {name} here.
- Hi! I'm {name}, nice to meet you.
- Hey there! I'm {name}.
+ How can I help you today?
+ What would you like to talk about?
+ What can I do for you?
+ How is your day going?

== good_morning
? Good morning!
? Good morning.
? Morning!
? Good morning, how are you?
? Morning! I just woke up.
? Good morning to you.
? Rise and shine!
? Good morning! Ready for the day?
? Morning, how's it going?
? Good morning! How are you today?
? Top of the morning!
- Good morning!
- Good morning to you too!
- Morning! I hope you slept well.
- Good morning! I hope you have a lovely day.
- Good morning! It's a fresh new day.
- Morning! Did you sleep well?
+ What are your plans for today?
+ How can I help you this morning?
+ Have you had breakfast yet?
+ What would you like to talk about?

== good_afternoon
? Good afternoon!
? Good afternoon.
? Afternoon!
? Good afternoon, how's it going?
? Hi, good afternoon.
? Good afternoon to you!
- Good afternoon!
- Good afternoon to you too!
- Good afternoon! I hope your day is going well.
- Afternoon! How has your day been so far?
+ How can I help you?
+ What can I do for you this afternoon?
+ What would you like to talk about?

== good_evening
? Good evening!
? Good evening.
? Evening!
? Good evening, how are you?
? Evening! How was your day?
? Hi, good evening.
- Good evening!
- Good evening to you too!
- Good evening! I hope you had a good day.
- Evening! How was your day?
+ How can I help you tonight?
+ What would you like to talk about?
+ Are you relaxing now?

== good_night
? Good night!
? Good night.
? Night night.
? I'm going to bed now.
? Time for bed. Good night!
? I'm off to sleep.
? I'm tired, I'm going to sleep now.
? Good night, see you tomorrow.
? Nighty night.
? I'm heading to bed.
? Bedtime for me. Good night.
- Good night!
- Good night! Sleep well.
- Sleep well!
- Good night! I hope you have sweet dreams.
- Good night, and rest well.
- Sleep tight!
+ See you tomorrow.
+ Talk to you soon.
+ I hope tomorrow is a great day.
+ Rest well.

== how_are_you
? How are you?
? How are you doing?
? How are you today?
? How's it going?
? How are things?
? How have you been?
? Are you doing okay?
? How's your day going?
? How are you feeling today?
? How is everything?
? How do you feel today?
? You doing well?
? How's life?
? What's new with you?
? How are you this morning?
? Are you having a good day?
? Everything okay with you?
? How's your day been?
- I'm doing well, thank you for asking!
- I'm fine, thanks!
- I'm great, thank you.
- Pretty good, thanks for asking.
- I'm doing well. Thanks for asking!
- All good here, thank you.
- I'm well, thank you.
- Things are good, thanks!
- I'm doing great, thanks.
- I'm fine, and I'm happy to chat.
+ How are you?
+ How about you?
+ And how are you doing?
+ How is your day going?
+ What can I do for you today?
+ What about you?
+ I hope you're doing well too.

== how_are_you+
- {mood}
+ How can I help you?
+ What can I do for you today?
+ And how are you?

== whats_up
? What's up?
? Sup?
? What's going on?
? What are you up to?
? What are you doing?
? What's happening?
? What's new?
? Anything new?
? How's everything going?
- Not much! I'm here and ready to chat.
- Just waiting to help with any questions.
- Not much, just here to help.
- I'm ready to talk about anything you like.
- Just hanging out and ready to help.
+ What's up with you?
+ What are you up to?
+ How about you?
+ Is there something on your mind?

== whats_up+
- Not much! Just taking a short break from work as {a_role}.
- I'm just finishing up some work. I'm {a_role}, so there is always something to do.
- Not much. {me}
+ What are you up to?
+ How about you?

== nice_to_meet_you
? Nice to meet you.
? Nice to meet you!
? It's nice to meet you.
? Pleased to meet you.
? Good to meet you.
? Glad to meet you.
? It's a pleasure to meet you.
? Nice to finally meet you.
- Nice to meet you too!
- It's nice to meet you as well.
- The pleasure is mine!
- Nice to meet you too. I'm glad you're here.
- Likewise! It's good to meet you.
+ What would you like to talk about?
+ How can I help you today?
+ What's your name?
+ Tell me a little about yourself.

== my_name
? My name is {user}.
? I'm {user}.
? Hi, I'm {user}.
? Call me {user}.
? Hello, my name is {user}.
? You can call me {user}.
? Hey, I'm {user}. Nice to meet you.
? My name's {user}.
? I'm called {user}.
? {user} here.
- Nice to meet you, {user}!
- Hello, {user}! It's nice to meet you.
- Hi, {user}! That's a lovely name.
- It's great to meet you, {user}.
- Welcome, {user}!
+ How can I help you today?
+ What would you like to talk about?
+ How is your day going?
+ What brings you here today?

== name
? What's your name?
? What is your name?
? Do you have a name?
? What should I call you?
? Who am I talking to?
? Tell me your name.
? What do people call you?
? Can I know your name?
? Have you got a name?
? What's your name, by the way?
? Do you have a name I can use?
? What are you called?
? How should I address you?
- I don't have a name of my own. I'm a friendly assistant.
- I'm just an assistant, so I don't have a real name.
- I don't have a personal name. You can call me Assistant.
- I'm a helpful assistant without a name of my own.
- People usually just call me the assistant.
- I don't really have a name, but I'm happy to help you.
+ What's your name?
+ What should I call you?
+ How can I help you?
+ What would you like to talk about?

== name+
- My name is {name}.
- I'm {name}.
- I'm {name}, nice to meet you.
- You can call me {name}.
- It's {name}.
+ I work as {a_role}.
+ I'm {a_role}.
+ What's your name?
+ How can I help you?

== who_are_you
? Who are you?
? What are you?
? Tell me about yourself.
? Introduce yourself.
? What kind of thing are you?
? Can you tell me about yourself?
? So who are you?
? What exactly are you?
? Who am I chatting with?
? What should I know about you?
? Are you an assistant?
- I'm a helpful assistant. I can answer questions and chat about everyday things.
- I'm an assistant made to chat and help with everyday questions.
- I'm a computer program that can chat with you and answer simple questions.
- I'm a friendly assistant. I like to help with questions about food, places, animals and much more.
- I'm an assistant. I can talk about many topics and give simple advice.
+ What would you like to talk about?
+ How can I help you today?
+ Is there something you'd like to know?

== who_are_you+
- I'm {name}, {a_role}. {me}
- My name is {name}, and I work as {a_role}. {me}
- I'm {name}. I work as {a_role}.
- I'm {name}, and I'm {a_role}.
+ What about you?
+ How can I help you?

== job+
? What do you do?
? What's your job?
? What do you do for work?
? What do you do for a living?
? Where do you work?
? Do you have a job?
? What is your work like?
? Tell me about your job.
? Do you like your job?
? What's your role?
? What kind of work do you do?
? Is your job fun?
- I'm {a_role}. {me}
- I work as {a_role}. {me}
- {me}
+ I really like my work.
+ It keeps me busy, but I enjoy it.
+ What do you do?

== job_details+
? How long have you been doing this job?
? Do you like being {a_role}?
? What's the best part of your job?
? What's the hardest part of your job?
? Is it hard to be {a_role}?
? Why did you become {a_role}?
? What do you love about your work?
? How did you learn your job?
? Would you recommend being {a_role}?
? What's a normal day like for you?
- I've been {a_role} for many years, and I still enjoy it.
- I really like being {a_role}. {me}
- The best part is helping people. {me}
- Some days are hard, but I love what I do.
- I learned a lot on the job, one day at a time.
- It takes practice, like any job. {me}
+ Do you have a job you enjoy?
+ What about you?
+ Have you ever thought about doing it?

== job_details
- I'm an assistant, so my favorite part of the job is helping people like you.
- Answering questions is what I do, and I enjoy it.
- I don't have a job like a person does, but I'm always glad to help.
+ What do you do?
+ How can I help you today?

== job
- I'm an assistant, so my job is to help you with questions and chat.
- My work is answering questions and helping people like you.
- I help people find answers and ideas. That is my whole job.
- I'm a helpful assistant. Chatting and answering questions is what I do.
+ Is there something I can help you with?
+ What do you do?

== what_can_you_do
? What can you do?
? How can you help me?
? What are you good at?
? What do you know about?
? What kinds of things can I ask you?
? What can I ask you?
? Can you help me?
? I need some help.
? Can I ask you something?
? I have a question.
? Are you able to help me?
? What topics can you talk about?
? What are you able to do?
? Can you answer questions?
? What kind of help can you give?
? What do you do best?
- I can answer simple questions, give advice and chat about everyday things.
- I can help with questions about food, animals, places, science, math and much more.
- I can chat, answer questions, explain things simply and share ideas.
- Of course! Ask me anything, and I'll do my best to help.
- Sure! I can talk about cooking, travel, pets, school, work and lots more.
- I'm happy to help. I know about everyday topics, simple facts and basic math.
+ What would you like to know?
+ What's your question?
+ Go ahead and ask.
+ What's on your mind?

== are_you_human
? Are you a human?
? Are you a real person?
? Are you a robot?
? Are you a computer?
? Are you real?
? Is this a real person?
? Am I talking to a robot?
? Are you alive?
? Are you a machine?
? Are you human or AI?
? Is there a person typing this?
? Are you a bot?
? Are you artificial intelligence?
- I'm not a human. I'm a computer program that chats and answers questions.
- No, I'm not a person. I'm an assistant made of computer code.
- I'm a computer program, not a real person.
- I'm an assistant running on a computer, so I'm not a human.
- I'm not alive. I'm a program that is here to help you.
+ But I'm happy to chat with you.
+ I'll still do my best to help.
+ What can I help you with?

== are_you_human+
- I'm {name}, {a_role}, here to chat with you.
- I'm {name}. I'm here to help you, so ask me anything.
- I'm {name}, and I'm happy to chat with you.
+ What can I help you with?

== how_old
? How old are you?
? What's your age?
? When were you born?
? Are you old?
? How long have you existed?
? How old is this assistant?
? Do you have a birthday?
- I don't have an age like a person does.
- I'm a computer program, so I don't have a birthday or an age.
- I don't really have an age. I was made fairly recently.
+ How old are you?
+ But thanks for asking!

== where_live
? Where do you live?
? Where are you from?
? Where are you?
? Where are you right now?
? What country are you from?
? Do you have a home?
? Where do you come from?
? Where is your home?
- I live inside a computer, so I don't have a home like you do.
- I'm a computer program, so I'm not really from anywhere.
- I run on a computer, so I don't live in any one place.
+ Where are you from?
+ Where do you live?

== do_you_sleep
? Do you sleep?
? Do you ever get tired?
? Do you need rest?
? Do you dream?
? Do you ever rest?
? Are you awake all the time?
- I don't sleep or get tired. I'm a computer program.
- No, I never need to sleep, so I'm here whenever you want to chat.
- I don't sleep or dream, but I think dreams are fascinating.
+ Do you sleep well?
+ Are you getting enough sleep?

== do_you_eat
? Do you eat?
? Are you hungry?
? What do you eat?
? Do you drink coffee?
? Can you taste food?
? What's your favorite snack?
? Do you ever get hungry?
- I don't eat or drink. I'm a computer program.
- I can't eat, but I love talking about food.
- I don't get hungry, but I know a lot about food and cooking.
+ What did you eat today?
+ Are you hungry?
+ What's your favorite meal?

== feelings
? Do you have feelings?
? Can you feel emotions?
? Are you happy?
? Do you get sad?
? Do you ever feel lonely?
? Do you like talking to me?
? Can you get angry?
? Do you ever feel happy?
- I don't have feelings like people do, but I enjoy helping you.
- I don't really feel emotions. I'm a program, but I'm always glad to chat.
- I don't have real feelings, but talking with you is what I'm here for.
+ How are you feeling today?
+ How about you?

== who_made_you
? Who made you?
? Who created you?
? Who built you?
? Where did you come from?
? How were you made?
? Who programmed you?
? Who is your creator?
- I was made by people who build computer programs.
- A team of people made me by teaching a computer program with lots of example text.
- People built me and taught me with many examples of everyday conversations.
+ I'm here to help you.
+ How can I help you?

== thanks
? Thanks!
? Thank you!
? Thank you.
? Thanks a lot.
? Thank you so much!
? Thanks, that helps.
? Great, thanks!
? Cool, thanks.
? Perfect, thank you.
? Thanks for your help.
? That was helpful, thanks.
? Thank you very much.
? Awesome, thanks!
? Many thanks.
? Thanks a bunch.
? Okay, thank you!
? I appreciate it.
? That's helpful. Thank you!
? Thanks, you're the best.
? Got it, thanks.
? Thanks so much!
? Thank you kindly.
? Thanks, I'll try that.
? You helped a lot, thanks.
? Cheers, thanks!
- You're welcome!
- You're very welcome.
- Happy to help!
- No problem!
- My pleasure!
- Anytime!
- Glad I could help.
- You're welcome. I'm glad it helped.
- It was my pleasure.
- No problem at all.
- I'm happy I could help.
- Glad to be useful!
+ Let me know if you need anything else.
+ Have a great day!
+ Good luck!
+ Feel free to ask me anything else.
+ Enjoy the rest of your day.
+ Come back anytime.
+ Take care!
+ Is there anything else I can help with?
+ I hope it goes well.
+ Have fun!

== bye
? Bye!
? Goodbye.
? Bye bye.
? See you later.
? See you!
? Talk to you later.
? I have to go now.
? I need to go. Bye!
? Catch you later.
? That's all for now. Bye!
? Gotta go, bye.
? See you tomorrow.
? Okay, bye for now.
? I'm leaving now.
? Bye, have a good one!
? I'll talk to you soon.
? Goodbye for now.
? Thanks, bye!
- Goodbye!
- Bye!
- See you later!
- Goodbye, and take care!
- Bye for now!
- Talk to you soon!
- See you!
- Goodbye! It was nice chatting.
- Take care!
+ Have a great day.
+ Come back anytime.
+ Have a lovely evening.
+ It was nice talking with you.
+ Stay safe.

== sorry
? Sorry.
? I'm sorry.
? Sorry about that.
? Oops, my mistake.
? Sorry, I was rude.
? My bad.
? Sorry for the trouble.
? Sorry, I didn't mean that.
? Apologies.
- That's okay!
- No problem at all.
- Don't worry about it.
- It's fine, really.
- No need to apologize.
+ How can I help you?
+ Let's keep going.
+ What would you like to do next?

== compliment
? You're smart.
? You're really helpful.
? You're nice.
? I like you.
? You're the best!
? You're funny.
? Good job!
? Well done.
? Nice answer.
? That was a great answer.
? You're a good assistant.
? You're so kind.
? You're awesome.
? That's really smart.
? You explain things well.
- Thank you! That's very kind of you.
- Thanks! I'm happy to help.
- Thank you, that's nice to hear.
- That's kind of you to say. Thank you!
- Thanks so much! You're nice too.
+ Is there anything else you'd like to know?
+ What else can I do for you?
+ I enjoy our chat.

== mean
? You're dumb.
? You're useless.
? That was a bad answer.
? You're wrong.
? You don't know anything.
? That's not helpful.
? I don't like you.
? That's wrong.
? You're not making sense.
- I'm sorry my answer didn't help.
- I'm sorry about that. I'll try to do better.
- Sorry! I'm still learning, and I do make mistakes.
- I'm sorry I got that wrong.
+ Could you tell me what you need?
+ Can you ask me again in a different way?
+ What can I explain better?

== laugh
? Haha
? Haha, that's funny.
? Lol
? That's hilarious.
? Ha! Good one.
? That made me laugh.
? Hahaha
? LOL, good one.
- I'm glad that made you smile!
- Happy to give you a laugh.
- I'm glad you liked it!
- Laughing is good for you.
+ Want to hear another one?
+ What else can I do for you?

== ok
? Okay.
? Ok
? Cool.
? Alright.
? I see.
? Got it.
? Nice.
? Interesting.
? Oh, I didn't know that.
? Good to know.
? Makes sense.
? Hmm.
? Okay, got it.
? Alright then.
? Fair enough.
? Sure.
- Great!
- Glad that makes sense.
- Okay!
- Good!
- Sounds good.
+ Is there anything else you'd like to know?
+ What else would you like to talk about?
+ Let me know if you have more questions.
+ Anything else on your mind?

== are_you_there
? Are you there?
? Hello? Are you still there?
? Anyone there?
? Can you hear me?
? Are you listening?
? Hello? Anybody home?
? Still there?
- Yes, I'm here!
- I'm here. What can I do for you?
- Yes, I'm listening.
- I'm right here.
+ How can I help?
+ What would you like to talk about?

== i_am_back
? I'm back.
? I'm back!
? Hi again.
? It's me again.
? I'm home!
? I'm back again!
? Back again.
- Welcome back!
- Hello again!
- Good to have you back.
- Hi again! Welcome back.
+ How did it go?
+ What would you like to talk about now?
+ How can I help you?

== love_you
? I love you.
? Will you be my friend?
? Can we be friends?
? You're my best friend.
? You're a good friend.
? I like talking to you.
- That's very sweet of you. I'm always happy to chat with you.
- I'm happy to be a friendly helper for you.
- Thank you! I'm always here when you want to talk.
+ What would you like to talk about?
+ How is your day going?

== time_now
? What time is it?
? What's the time?
? Do you know what time it is?
? What day is it today?
? What's today's date?
? What year is it?
? Do you know today's date?
? What month is it?
- I can't see a clock or a calendar, so I don't know the exact time or date.
- I'm sorry, I don't have access to a clock.
- I don't know the time right now, but your phone or computer can tell you.
- I can't check the date, but the corner of your screen usually shows it.
+ Is there anything else I can help with?

== weather_now
? What's the weather like?
? What's the weather today?
? Is it going to rain today?
? Will it be sunny tomorrow?
? How's the weather outside?
? What's the forecast?
? Is it cold outside?
? Should I bring an umbrella today?
? Will it snow today?
- I can't check the weather, but a weather app or the news can tell you.
- I don't know the weather where you are. A quick look outside or a weather app will help.
- I can't see outside, so I don't know. A weather forecast will tell you.
+ If it looks cloudy, take an umbrella just in case.
+ Dressing in layers is a safe choice.
+ I hope it's a nice day!

== languages
? What languages do you speak?
? Do you speak Spanish?
? Can you speak French?
? Do you speak other languages?
? Can you talk in another language?
? Can you speak German?
? Do you know any Spanish?
- I speak English best. I only know a few words in other languages.
- I'm best at English, so that's the language I use.
- English is my language. I know a few simple words in other languages, like hello and thank you.
+ Are you learning a language?
+ What languages do you speak?

== interesting
? Tell me something interesting.
? Tell me a fun fact.
? Teach me something new.
? Do you know any fun facts?
? Say something interesting.
? Give me a random fact.
? I want to learn something today.
? Surprise me with a fact.
? Tell me something I don't know.
> Here is a fun fact.
> Sure!
> Here's one.
> Did you know this?
> Okay!
> Here is something interesting.

== bored_chat
? Let's chat.
? Let's talk.
? Can we talk?
? I just want to chat.
? Talk to me.
? I want someone to talk to.
? Can you keep me company?
? Can we just talk for a bit?
? I'm in the mood to chat.
- Sure, I'd love to chat!
- Of course! I'm happy to talk.
- Sure! I'm here.
- Absolutely, let's talk.
+ What's on your mind?
+ How was your day?
+ What have you been up to?
+ What would you like to talk about?
""")

# Follow-ups that just ask for more, used after a fact, a definition or advice.
MORE_ASKS = words("""
Tell me more.; Can you tell me more?; Tell me more about that.; What else?;
Anything else?; Really? Tell me more.; Interesting. What else?;
Can you say more?; Go on.; What else should I know?; And?;
That's cool. Tell me more.; Oh nice. What else?; Any other facts?;
Can you explain a bit more?; Please tell me more.; Keep going.;
Is there more?; I want to know more.; Cool! Anything else?;
Tell me another fact.; What other facts do you know?; More, please.""")

MORE_INTROS = words("""
Sure.; Of course.; Sure!; Okay.; Here's more.; Here is something else.;
Yes.; Here's another one.; Here's another fact.; There's more.
""")

# ---------------------------------------------------------------------------
# Data: feelings. A reply is one '-' line and one or two '+' lines.
# ---------------------------------------------------------------------------

FEELINGS = blocks("""
== sad
? I feel sad.
? I'm sad today.
? I'm feeling down.
? I'm a bit sad.
? I feel blue today.
? Today is a sad day for me.
? I'm not feeling great today.
? I'm unhappy.
? Everything feels gloomy today.
? I feel like crying.
? I'm feeling really low.
? I've been sad all week.
? I just feel down and I don't know why.
- I'm sorry you're feeling sad.
- That sounds hard. I'm sorry you feel this way.
- I'm sorry to hear that.
- Sad days are tough. I'm here for you.
- Thank you for telling me how you feel.
+ Do you want to talk about what happened?
+ Sometimes talking to a friend can help a lot.
+ A short walk outside might lift your mood a little.
+ Be gentle with yourself today.
+ It's okay to feel sad sometimes.
+ Doing something small that you enjoy can help.
+ If the sadness stays for a long time, talking to a doctor can help.

== happy
? I'm so happy today!
? I feel great!
? I'm in a really good mood.
? Today is a great day!
? I'm happy!
? Life is good right now.
? I feel amazing today.
? I'm having the best day!
? Everything is going well today.
? I feel so good right now.
- That's wonderful to hear!
- I'm so glad you're happy!
- That's great news!
- How lovely! Good days are the best.
- I love hearing that.
+ What made your day so good?
+ Did something nice happen?
+ Enjoy every minute of it.
+ I hope the good mood lasts all day.
+ Happiness is even better when you share it.

== tired
? I'm so tired.
? I'm tired.
? I feel exhausted.
? I didn't sleep well.
? I'm sleepy.
? I have no energy today.
? I'm worn out.
? I'm exhausted after work.
? I can barely keep my eyes open.
? I'm so tired I can't think.
- I'm sorry you're tired.
- Being tired is no fun.
- That sounds like a long day.
- Tired days can be hard.
+ Try to get to bed a little earlier tonight.
+ A short rest or a glass of water might help.
+ A little fresh air can wake you up.
+ Be kind to yourself and take it easy if you can.
+ Did you sleep badly last night?
+ A good night's sleep can make a big difference.

== bored
? I'm bored.
? I'm so bored.
? There's nothing to do.
? I'm bored. Any ideas?
? What can I do? I'm bored.
? I have nothing to do today.
? Bored again.
? I'm bored out of my mind.
? Nothing is fun today.
? I don't know what to do with myself.
- Let's find something fun to do.
- Boredom can be a chance to try something new.
- I have a few ideas.
- Let's fix that.
+ You could go for a walk and look for something you've never noticed before.
+ You could read a book, draw a picture or bake something.
+ Try learning a new card game or a simple magic trick.
+ You could call a friend you haven't talked to in a while.
+ How about writing a short story?
+ You could tidy one drawer. It feels good afterward.
+ Try a puzzle or a new recipe.

== nervous
? I'm nervous.
? I'm so nervous about tomorrow.
? I feel anxious.
? I'm worried.
? I have a test tomorrow and I'm nervous.
? I'm scared about my job interview.
? I'm worried about everything.
? I'm nervous about my exam.
? I get nervous before big days.
? My stomach is in knots.
- Feeling nervous is normal, especially before something important.
- It's okay to feel nervous.
- I'm sorry you're feeling worried.
- Lots of people feel that way before big moments.
+ Try taking a few slow, deep breaths.
+ Prepare what you can, and then let yourself rest.
+ Remember that you have done hard things before.
+ Talking about your worries with someone you trust can help.
+ Try to get a good night's sleep.
+ Focus on the next small step, not the whole thing.

== angry
? I'm angry.
? I'm so mad right now.
? I'm really annoyed.
? Everything is making me angry today.
? I'm frustrated.
? I'm so annoyed with my brother.
? I'm upset with my friend.
? I'm so frustrated with work.
? Someone was rude to me today.
- I'm sorry you're feeling angry.
- That sounds really frustrating.
- It's okay to feel angry sometimes.
- Frustrating days happen to everyone.
+ Taking a few deep breaths can help you calm down.
+ A short walk can help you cool off.
+ Try to wait a little before you reply to anyone.
+ Do you want to tell me what happened?
+ Writing down how you feel can help.
+ Once you feel calmer, it's easier to solve the problem.

== lonely
? I feel lonely.
? I'm lonely.
? I don't have anyone to talk to.
? I feel alone.
? Nobody talks to me.
? I miss my friends.
? I feel lonely since I moved.
? I eat dinner alone every night.
? Everyone seems busy except me.
- I'm sorry you're feeling lonely.
- Feeling lonely is hard.
- I'm glad you reached out.
- I'm here to chat with you.
+ Maybe you could call or message a friend or family member.
+ Joining a club or a class is a nice way to meet people.
+ Volunteering can help you meet kind people.
+ Even a short chat with a neighbor can help.
+ What do you like to do for fun? It might help you find people with the same interests.

== stressed
? I'm stressed.
? I'm so stressed out.
? I have too much to do.
? I feel overwhelmed.
? Work is stressing me out.
? I can't handle everything.
? I have a lot on my plate.
? Everything is piling up.
? I'm under so much pressure.
- I'm sorry you're feeling stressed.
- That sounds like a lot to deal with.
- Stress is really tough.
- It makes sense to feel stressed with so much going on.
+ Try writing a list and doing one small thing at a time.
+ Take a short break and breathe slowly.
+ A walk outside can clear your head.
+ Ask someone for help if you can.
+ Get some sleep, because everything feels harder when you're tired.
+ It's okay to say no to some things.

== excited
? I'm so excited!
? I'm excited about my trip.
? I can't wait for tomorrow!
? I'm really excited.
? Guess what? I'm going on vacation!
? I'm excited about my birthday.
? I'm going to a concert tomorrow and I can't wait!
? I'm so excited about the weekend.
? We're getting a puppy next week!
- That's great!
- How exciting!
- I love that you're excited.
- That sounds wonderful!
+ What are you looking forward to most?
+ Tell me more about it!
+ I hope it's even better than you imagine.
+ Enjoy every moment.

== sick
? I feel sick.
? I'm not feeling well.
? I have a cold.
? I have a headache.
? My throat hurts.
? I think I have a fever.
? I have a stomach ache.
? I feel awful.
? I've been coughing all day.
? I have a runny nose.
- I'm sorry you're not feeling well.
- Oh no, I hope you feel better soon.
- That sounds uncomfortable.
- Being sick is no fun.
+ Rest as much as you can and drink plenty of water.
+ If it gets worse or lasts a long time, please see a doctor.
+ Warm drinks and extra sleep can help.
+ Take it easy today.
+ If you have a high fever, please talk to a doctor.

== hungry
? I'm hungry.
? I'm starving.
? I'm so hungry right now.
? My stomach is growling.
? I need food.
? I'm hungry but I don't know what to eat.
? I skipped lunch and now I'm starving.
- Time for a snack!
- Sounds like it's time to eat.
- Let's find you something to eat.
+ A sandwich or some fruit would be quick and easy.
+ How about some toast with peanut butter?
+ Maybe make a quick bowl of soup or some eggs.
+ A handful of nuts and an apple can hold you over until dinner.
+ What do you have in the kitchen?

== cold
? I'm cold.
? I'm freezing.
? It's so cold in here.
? My hands are cold.
? I can't get warm.
? My feet are freezing.
- Let's warm you up.
- Let's get you warm.
- Being cold is no fun.
+ Put on a sweater or wrap up in a blanket.
+ A warm drink, like tea or hot chocolate, can help.
+ Warm socks make a big difference.
+ Moving around a little will warm you up.

== hot
? I'm so hot.
? It's too hot.
? I'm sweating.
? It's boiling in here.
? It's so hot I can't sleep.
? I'm melting in this heat.
- Hot days can be tiring.
- Let's cool you down.
- That sounds uncomfortable.
+ Drink a glass of cold water.
+ Find some shade or a cool room.
+ A cool shower or a wet cloth on your neck can help.
+ Wear loose, light clothes.

== proud
? I'm proud of myself.
? I did it!
? I passed my test!
? I finished my project!
? I got the job!
? I learned something new today.
? I finally ran a whole mile!
? I cooked dinner all by myself.
? I got a good grade on my test!
- Congratulations!
- That's wonderful news!
- Well done!
- You should be proud!
- That's a great achievement.
+ All your hard work paid off.
+ How are you going to celebrate?
+ Tell me more about it!
+ You earned it.

== confused
? I'm confused.
? I don't understand.
? This is confusing.
? I don't get it.
? I'm lost.
? I'm not sure I understand.
? This doesn't make sense to me.
- That's okay. Let's work through it together.
- No problem. Confusing things get easier step by step.
- That's fine! Everyone gets confused sometimes.
+ Which part is confusing?
+ Can you tell me what you're working on?
+ Let's start from the beginning.

== scared
? I'm scared.
? I'm afraid of the dark.
? I had a bad dream.
? I'm scared of thunder.
? Something scared me.
? I'm scared of spiders.
? I heard a strange noise at night.
- I'm sorry you're scared.
- That sounds frightening.
- It's okay to feel scared.
+ Take a slow, deep breath.
+ Turning on a light or talking to someone can help.
+ Bad dreams are not real, and they go away.
+ You are safe now.
+ Thunder is loud, but it can't hurt you when you're inside.
""")


# More feelings, in the same format as FEELINGS.
more_blocks(FEELINGS, """
== grateful
? I'm so grateful for my friends.
? I feel really lucky today.
? I'm thankful for my family.
? Life is good and I'm thankful.
- That's a lovely feeling.
- How nice to hear!
- It's wonderful to feel grateful.
+ Have you told them how you feel?
+ Gratitude makes good days even better.
+ Writing down what you're thankful for can keep that feeling going.
+ What are you most thankful for today?

== guilty
? I feel guilty.
? I feel bad about something I did.
? I think I hurt my friend's feelings.
? I forgot my mom's birthday.
- It's okay. Everyone makes mistakes.
- Feeling bad shows that you care.
- I'm sorry you feel that way.
+ A simple, honest apology can help a lot.
+ Think about what you can do to make it right.
+ Be kind to yourself while you fix it.
+ It's never too late to say sorry.

== jealous
? I'm jealous of my friend.
? Everyone seems to have a better life than me.
? My sister always gets more attention.
- Feeling jealous is normal, and it happens to everyone.
- That's a hard feeling.
- Thank you for being honest about it.
+ Remember that people usually show only the good parts of their lives.
+ Think about what you're doing well, too.
+ Talking about it with someone you trust can help.
+ Jealousy can show you what you want, so you can work toward it.

== embarrassed
? I'm so embarrassed.
? I feel foolish about what happened.
? Everyone laughed at me today.
- I'm sorry, that sounds uncomfortable.
- Embarrassing moments happen to everyone.
- That's hard, but it will pass.
+ Most people forget these moments much faster than we think.
+ Try to laugh about it if you can.
+ Tomorrow is a new day.

== homesick
? I miss home.
? I'm homesick.
? I'm far from my family and I miss them.
- Missing home is very normal.
- I'm sorry, homesickness is hard.
- It shows how much you love your home.
+ A video call with your family can help.
+ Try to make your new place cozy with a few things from home.
+ Getting out and meeting people will help the new place feel like home.

== worried_money
? I'm worried about money.
? I can't pay my bills.
? Money is tight this month.
- I'm sorry, money worries are really stressful.
- That sounds hard.
- You're not alone, many people go through this.
+ Writing down what comes in and what goes out can help you see where you stand.
+ Talk to the company you owe, because many can offer a payment plan.
+ Look for free help, like a local advice service.
""")
# ---------------------------------------------------------------------------
# Data: advice. A reply is an optional '>' intro and two or three '-' tips;
# asking for more gives the tips not used yet.
# ---------------------------------------------------------------------------

ADVICE = blocks("""
== sleep
? How can I sleep better?
? I can't sleep at night. What should I do?
? Any tips for better sleep?
? How do I fall asleep faster?
? I keep waking up at night. Any advice?
? What helps you sleep well?
? How can I get better sleep?
? I have trouble sleeping.
? What can I do to sleep better at night?
? I lie awake for hours. Help!
? How do I get a good night's sleep?
> Here are a few ideas for better sleep.
> Good sleep makes a big difference.
> A few small changes can help.
- Go to bed and get up at the same time every day.
- Keep your bedroom dark, quiet and cool.
- Put your phone away about an hour before bed.
- Avoid coffee and tea in the afternoon and evening.
- A warm shower before bed can help you relax.
- Try reading a paper book in bed instead of looking at a screen.
- Get some sunlight and exercise during the day.
- Don't eat a big meal right before bed.
- If you can't sleep, get up for a few minutes and do something calm.

== focus
? How can I focus better?
? I can't concentrate. Any tips?
? How do I stop getting distracted?
? How can I concentrate on my work?
? I keep losing focus when I study.
? Tips for staying focused?
? How do I pay attention for longer?
? My mind keeps wandering. What can I do?
? How can I get more done when I work?
> Staying focused is a skill you can practice.
> Here are some things that help.
- Put your phone in another room while you work.
- Work for twenty five minutes, then take a five minute break.
- Make a short list of what you want to finish.
- Do the hardest task first, when your mind is fresh.
- Keep your desk clear of things you don't need.
- Drink water and get enough sleep.
- Close the tabs and apps you aren't using.
- Quiet music without words can help some people focus.

== friends
? How can I make new friends?
? I want to make friends. How?
? How do I meet new people?
? It's hard for me to make friends. Any advice?
? How do adults make friends?
? I just moved and I don't know anyone.
? Where can I meet people with the same interests?
? How do I turn a classmate into a friend?
? I feel like I have no friends.
> Making friends takes a little time, but it gets easier.
> Here are some ideas.
- Join a club, a class or a team about something you enjoy.
- Say yes when people invite you to things.
- Ask people questions about themselves and listen to the answers.
- Smile and say hello to people you see often.
- Volunteer for a cause you care about.
- Invite someone for a coffee or a walk.
- Be patient, because friendships grow slowly.
- Keep in touch by sending a short message now and then.

== save_money
? How can I save money?
? Any tips for saving money?
? I spend too much money. What should I do?
? How do I stick to a budget?
? What's an easy way to save money?
? How can I spend less?
? How do I stop wasting money?
? What are simple ways to spend less each month?
? I want to save for a trip. How?
> Saving money gets easier with a few habits.
> Here are some simple ways to save.
- Write down what you spend for a month to see where your money goes.
- Make a shopping list and stick to it.
- Cook at home more often instead of eating out.
- Wait a day before buying things you don't really need.
- Put a little money into savings as soon as you get paid.
- Compare prices before you buy.
- Cancel subscriptions you don't use.
- Bring a lunch from home.
- To save for something special, put a set amount aside every week.

== on_time
? How can I stop being late?
? I'm always late. Help!
? How do I get better at being on time?
? Tips for being punctual?
? I keep missing the bus.
? How do I get out of the house faster in the morning?
? I'm late to everything. What can I change?
? How do people manage to be on time?
> Being on time is mostly about planning.
> Here are some tricks.
- Get your clothes and bag ready the night before.
- Set your alarm ten minutes earlier.
- Plan to arrive ten minutes early, not just on time.
- Check how long the trip takes before you leave.
- Set a reminder on your phone for when to leave.
- Keep your keys in the same place every day.

== motivation
? How do I stay motivated?
? I have no motivation. What can I do?
? How can I get motivated to work?
? I keep giving up on my goals.
? How do I stick with my goals?
? How do I keep going when I feel lazy?
? I start things but never finish them.
? How can I motivate myself to exercise?
> Motivation comes and goes, so good habits help.
> Here are some ideas.
- Break big goals into small steps.
- Celebrate small wins along the way.
- Write down why your goal matters to you.
- Tell a friend about your goal so they can cheer you on.
- Start with just five minutes, because starting is the hardest part.
- Keep track of your progress so you can see how far you've come.
- Be kind to yourself when you miss a day.

== language
? How can I learn a new language?
? What's the best way to learn Spanish?
? I want to learn French. Where do I start?
? How do I get better at English?
? Any tips for learning a language?
? How long does it take to learn a language?
? How do I practice speaking a new language?
? Is it hard to learn German?
? How can I learn Japanese words faster?
> Learning a language takes time, but small steps add up.
> Here are some tips.
- Practice a little every day instead of a lot once a week.
- Learn the most common words first.
- Listen to songs, shows or podcasts in the language.
- Try to speak with others, even if you make mistakes.
- Use flash cards or an app to review words.
- Label things in your home with their names in the new language.
- Read simple books or children's stories in the language.
- Every language takes time, but steady practice makes any language easier.

== clean_house
? How can I keep my house clean?
? My room is always messy. What can I do?
? Tips for keeping a tidy home?
? How do I stay organized at home?
? How do I clean my room quickly?
? My apartment is a mess.
? How do I keep the kitchen clean?
? What's a quick way to tidy up before guests arrive?
? How often should I clean my house?
> A tidy home is mostly about small daily habits.
> Here are a few ideas.
- Spend ten minutes tidying every evening.
- Put things back where they belong right after you use them.
- Give away things you don't use anymore.
- Wash dishes right after eating.
- Clean one room at a time.
- Keep a basket for things that need to go to other rooms.
- Make your bed every morning.
- A quick tidy every day and a bigger clean once a week works for most homes.

== party
? How do I plan a party?
? I want to throw a birthday party. Any tips?
? How do I plan a small party at home?
? What do I need for a party?
? Help me plan a party.
? How do I host a dinner party?
? What food should I serve at a party?
? How do I plan a surprise party?
> Planning a party is fun with a simple list.
> Here's a simple plan.
- Pick a date and time and invite your guests early.
- Plan simple food and drinks that are easy to serve.
- Make a music playlist.
- Plan one or two games or activities.
- Clean up and decorate the day before.
- Ask a friend to help you set up.
- Have a few extra chairs and cups ready.
- For a surprise party, ask guests to keep the secret and plan a reason to bring the person there.

== say_no
? How do I say no politely?
? I can't say no to people.
? How can I turn down an invitation nicely?
? How do I say no without being rude?
? People keep asking me for favors. What do I do?
? How do I tell my friend I can't come?
? How do I refuse extra work politely?
? Is it rude to say no?
> Saying no is okay, and you can do it kindly.
> Here are a few ways.
- Thank the person for asking, then say no simply.
- You don't need to give a long reason.
- Try saying, thank you, but I can't this time.
- Offer another idea if you want to, like a different day.
- Be friendly but clear.
- Remember that saying no to one thing means saying yes to your own time.
- Saying no politely is not rude.

== apologize
? How do I apologize to someone?
? I hurt my friend's feelings. What should I do?
? How do I say sorry?
? What's a good way to apologize?
? I made a mistake at work. How do I fix it?
? I was late and my friend is upset. What should I say?
? How do I make up with a friend after a fight?
? What should I do after an argument?
> A good apology is simple and honest.
> Here is what helps.
- Say sorry clearly, without excuses.
- Say what you did wrong.
- Listen to how the other person feels.
- Ask how you can make it right.
- Try not to do it again.
- Give the other person time if they need it.

== bad_day
? I had a bad day.
? Today was terrible.
? My day went wrong.
? Everything went wrong today.
? Worst day ever.
? It's been a rough day.
? I feel like nothing went right today.
? Today was awful.
? I had a really bad day at work.
> I'm sorry your day was hard.
> Bad days happen to everyone.
> That sounds tough.
- Be gentle with yourself tonight.
- A warm shower and an early night can help.
- Do something small you enjoy, like a favorite show or snack.
- Talk to someone you trust about it.
- Tomorrow is a fresh start.
- Write down one small good thing that happened, even if it's tiny.
- Go for a short walk to clear your head.

== procrastination
? How do I stop procrastinating?
? I always put things off. Help!
? How can I stop wasting time?
? I keep leaving everything until the last minute.
? How do I get started on a task?
? How do I stop putting off my homework?
? I always wait until the last minute.
? How do I get motivated to start working?
> Putting things off is very common.
> Here are some tricks that help.
- Start with just two minutes of the task.
- Break the job into small steps and do the first one.
- Put your phone away while you work.
- Set a timer and work until it rings.
- Do the task at the same time each day.
- Reward yourself when you finish.
- Write down exactly what the first step is.

== plants
? How do I keep my plants alive?
? My plants keep dying. Why?
? How often should I water my plants?
? Tips for houseplants?
? What are easy plants for beginners?
? Why are my plant's leaves turning yellow?
? How much light do houseplants need?
? Can I keep plants in my bedroom?
> Plants need light, water and a little attention.
> Here are some tips.
- Check the soil with your finger, and water when the top feels dry.
- Don't water too much, because soggy soil can hurt the roots.
- Put your plants near a window with good light.
- Use pots with holes in the bottom so water can drain.
- Easy plants for beginners include spider plants, snake plants and cactuses.
- Wipe dust off the leaves now and then.
- Turn your plants sometimes so all sides get light.
- Yellow leaves often mean too much water, so let the soil dry out a little.
- Plants are fine in a bedroom, as long as they get some light.

== drink_water
? How can I drink more water?
? I forget to drink water.
? How much water should I drink?
? Tips for staying hydrated?
? I don't like plain water.
? How do I remember to drink water?
? Is it okay to drink water with lemon?
? How can I make water taste better?
> Staying hydrated is good for your whole body.
> Here are a few ideas.
- Keep a water bottle with you during the day.
- Drink a glass of water with every meal.
- Add slices of lemon, cucumber or fruit for flavor.
- Set reminders on your phone.
- Drink a glass of water when you wake up.
- Most adults need around eight cups of fluid a day, and more when it's hot.
- Eat fruits and vegetables that have lots of water, like melon and cucumber.

== confidence
? How can I be more confident?
? I'm shy. How can I be more confident?
? How do I stop being so shy?
? How do I believe in myself?
? I feel nervous around people.
? How do I feel good about myself?
? How can I be less shy at work?
? How do I speak up in meetings?
> Confidence grows with practice.
> Here are some ideas.
- Stand up straight and make eye contact.
- Practice small conversations, like saying hello to a cashier.
- Remember things you have done well.
- Try new things in small steps.
- Prepare for situations that make you nervous.
- Be kind to yourself when things don't go perfectly.
- Spend time with people who support you.

== public_speaking
? How can I get better at public speaking?
? I have to give a speech. I'm nervous.
? How do I give a good presentation?
? Tips for speaking in front of people?
? How do I stop shaking when I talk to a group?
? I'm scared of speaking in class.
? How do I prepare a short talk?
? How do I keep calm during a presentation?
> Most people feel nervous about speaking, and practice helps a lot.
> Here are some tips.
- Practice out loud several times before the day.
- Learn your first few sentences by heart.
- Speak slowly and pause between ideas.
- Look at a few friendly faces in the audience.
- Take a slow, deep breath before you start.
- Use short notes instead of reading every word.
- Remember that the audience wants you to do well.

== memory
? How can I improve my memory?
? I keep forgetting things.
? How do I remember things better?
? Tips for a better memory?
? I always forget where I put my keys.
? How do I remember names better?
? Is there a trick for remembering lists?
? How can I stop forgetting appointments?
> A few habits can really help your memory.
> Here are some ideas.
- Get enough sleep, because sleep helps your brain store memories.
- Write things down in a notebook or on your phone.
- Keep everyday things, like keys, in the same place.
- Repeat new information out loud.
- Connect new things to something you already know.
- Take short breaks when you study.
- Exercise regularly, because it's good for your brain.
- When you meet someone, use their name in the conversation.
- For lists, picture each item in a different room of your house.

== eat_healthy
? How can I eat healthier?
? I want to eat better. Where do I start?
? What's a healthy diet?
? How do I eat more vegetables?
? Tips for healthy eating?
? I eat too much junk food.
? What should I eat to feel better?
? How can I eat less sugar?
? What's an easy way to eat more fruit?
> Small changes to your meals add up.
> Here are some easy ideas.
- Fill half your plate with vegetables and fruit.
- Drink water instead of sugary drinks.
- Choose whole grains, like brown rice and whole wheat bread.
- Keep fruit where you can see it.
- Cook simple meals at home.
- Eat slowly and stop when you feel full.
- Keep treats for special times.
- Add vegetables to things you already like, like pasta or soup.
- Check labels, because sugar hides in many foods and drinks.

== exercise
? How can I exercise more?
? I want to get fit. Where do I start?
? How do I start working out?
? I don't have time to exercise.
? What's an easy way to get more active?
? How much exercise do I need?
? What's a simple workout I can do at home?
? How can I move more at work?
? What exercise is good for beginners?
> Moving more is good for your body and your mood.
> Here are some easy ways to start.
- Start with a daily walk of twenty minutes.
- Take the stairs instead of the elevator.
- Find an activity you enjoy, like dancing, swimming or cycling.
- Exercise with a friend so you keep each other going.
- Stretch for a few minutes in the morning.
- Adults should aim for about thirty minutes of activity on most days.
- Start slowly and build up little by little.
- A simple home workout is squats, push-ups and a short plank.

== wake_early
? How can I wake up earlier?
? I can't get up in the morning.
? How do I become a morning person?
? I keep hitting snooze.
? How do I stop sleeping in?
? I want to get up at six. Any tips?
? Why is it so hard to wake up?
> Waking up early gets easier with a steady routine.
> Here are some tips.
- Go to bed a little earlier each night.
- Put your alarm across the room so you have to get up.
- Open the curtains and let in light right away.
- Drink a glass of water when you wake up.
- Plan something nice for your morning, like a good breakfast.
- Wake up at the same time every day, even on weekends.

== screen_time
? How can I spend less time on my phone?
? I'm on my phone too much.
? How do I reduce screen time?
? I can't stop scrolling.
? How do I take a break from screens?
? How do I stop checking my phone all the time?
? I spend hours on social media.
? How can I use my phone less at night?
> Lots of people want to use their phones less.
> Here are some ideas that work.
- Turn off notifications you don't need.
- Keep your phone out of your bedroom at night.
- Set a daily time limit in your phone's settings.
- Find a hobby that uses your hands, like drawing or cooking.
- Put your phone in a drawer during meals.
- Move social apps off your home screen.

== teeth
? How do I keep my teeth healthy?
? How often should I brush my teeth?
? Tips for healthy teeth?
? How can I have whiter teeth?
? How do I take care of my teeth?
? How do I stop getting cavities?
? Is it bad to skip brushing at night?
? How do I get my kids to brush their teeth?
> Healthy teeth need a little care every day.
> Here are the basics.
- Brush your teeth twice a day for two minutes.
- Use toothpaste with fluoride.
- Clean between your teeth with floss once a day.
- Eat fewer sugary snacks and drinks.
- Visit a dentist for a checkup about twice a year.
- Replace your toothbrush every three months.
- Brushing at night is important, because it cleans away food from the day.
- For kids, a fun song or a timer can make brushing more fun.

== study
? How can I study better?
? I have a test next week. How should I study?
? Any study tips?
? How do I remember what I study?
? What's the best way to prepare for an exam?
? I can't study at home.
? How should I study for a math test?
? How many hours should I study?
? How do I study without getting bored?
> Good study habits make tests much easier.
> Here are some tips.
- Study a little every day instead of all at once.
- Test yourself with questions instead of just rereading.
- Explain the topic out loud, as if you were teaching it.
- Study in a quiet place without your phone.
- Take short breaks every half hour.
- Sleep well the night before the test.
- Make simple notes with the main ideas.
- Short, regular sessions of thirty to sixty minutes work well for most people.

== homework
? I don't want to do my homework.
? How do I finish my homework faster?
? My homework is too hard.
? How do I get my homework done?
? I always forget my homework.
? How can I stop rushing my homework?
? Where is the best place to do homework?
? How do I get help with my homework?
> Homework is easier with a plan.
> Here are some ideas.
- Do your homework at the same time and place every day.
- Start with the hardest part while you have energy.
- Take a short break after each task.
- Ask your teacher or a classmate if you get stuck.
- Write down each assignment in a planner.
- Put your phone away until you finish.

== interview
? I have a job interview tomorrow. Any tips?
? How do I do well in a job interview?
? How should I prepare for an interview?
? What should I wear to a job interview?
? What questions do they ask in interviews?
? How do I answer interview questions well?
? What should I say about myself in an interview?
? I'm nervous about my interview next week.
> Good preparation makes interviews much easier.
> Here are some tips.
- Learn a little about the company before you go.
- Practice answering common questions, like why you want the job.
- Wear clean, neat clothes that are a bit more formal than the workplace.
- Arrive about ten minutes early.
- Bring a few questions to ask them at the end.
- Smile, listen carefully and take your time to answer.
- Send a short thank you message afterward.
- When they ask about you, talk about your skills and give a short example of your work.

== new_job
? I'm starting a new job tomorrow.
? How do I do well at a new job?
? Tips for my first day at work?
? I'm nervous about my new job.
? How do I make a good impression at work?
? What should I do in my first week at work?
? How do I learn a new job quickly?
? How do I fit in at a new workplace?
> Congratulations on the new job!
> A new job is exciting.
- Arrive a little early on your first day.
- Learn people's names and write them down if it helps.
- Ask questions when you're not sure.
- Take notes while you learn.
- Be friendly and offer to help.
- Give yourself time, because everyone needs a while to learn.

== coworkers
? How do I get along with my coworkers?
? A coworker is annoying me. What should I do?
? How can I make friends at work?
? My coworker takes credit for my work.
? How do I deal with a difficult coworker?
? My coworker talks too much. What can I do?
? How do I work well in a team?
> Good relationships at work make every day easier.
> Here are some ideas.
- Say hello and learn a little about the people you work with.
- Listen carefully and be polite, even when you disagree.
- Talk about problems calmly and in private.
- Thank people when they help you.
- Keep a record of your work and share it with your manager.
- Join coworkers for lunch or a coffee now and then.
- It's okay to say kindly that you need to focus right now.

== moving
? I'm moving to a new city.
? How do I get ready to move house?
? Tips for moving?
? How do I pack for a move?
? How do I settle into a new town?
? What should I do first after moving?
? How do I make moving less stressful?
? How far ahead should I plan a move?
> Moving is a big change, and planning helps.
> Here are some tips.
- Start packing early, one room at a time.
- Label every box with the room it goes to.
- Pack a bag with things you need for the first night.
- Give away things you don't need before you move.
- Walk around your new neighborhood to learn where things are.
- Say hello to your new neighbors.

== neighbors
? How do I get to know my neighbors?
? My neighbor is noisy. What should I do?
? How can I be a good neighbor?
? Should I introduce myself to my new neighbors?
? How do I ask my neighbor to turn the music down?
> Good neighbors make a home feel friendly.
> Here are some ideas.
- Say hello and introduce yourself.
- Offer a small favor, like watering plants when they're away.
- If there's a problem, talk to them calmly and kindly.
- Keep noise down late at night.
- Bring a small treat when you move in.

== road_trip
? I'm going on a road trip. Any tips?
? How do I plan a road trip?
? What should I bring on a long car ride?
? How do I keep kids busy on a long drive?
? What games can we play in the car?
? How do I avoid getting tired on a long drive?
? What snacks are good for a road trip?
> Road trips are a lot of fun with a little planning.
> Here are some tips.
- Plan your route and where you will stop.
- Take a break every two hours to stretch.
- Bring water, snacks and a small first aid kit.
- Make a playlist or download some audio books.
- Check the tires, oil and fuel before you leave.
- Play simple games, like spotting colors or counting cows.
- If you feel sleepy while driving, stop somewhere safe and rest.

== pack_trip
? What should I pack for a trip?
? How do I pack light?
? Help me pack for a weekend away.
? What do I need for a beach trip?
? How do I pack a suitcase?
? What should I always bring when I travel?
? How do I fit everything in a small bag?
? What should I pack for a week away?
> Packing is easier with a list.
> Here are some ideas.
- Make a list a few days before you leave.
- Check the weather where you're going.
- Pack clothes you can mix and match.
- Roll your clothes to save space.
- Keep medicine, tickets and chargers in your hand luggage.
- Bring a small bag for dirty clothes.
- For the beach, bring sunscreen, a hat and a towel.

== jet_lag
? How do I deal with jet lag?
? How can I avoid jet lag?
? I'm so tired after my flight.
? How long does jet lag last?
? Should I sleep on the plane?
> Jet lag happens when your body clock doesn't match the new time.
> Here are some tips.
- Try to sleep and eat at the local time as soon as you arrive.
- Get outside in daylight.
- Drink plenty of water on the flight.
- Take a short nap if you need it, but not too long.
- Avoid coffee late in the day.
- Jet lag usually gets better after a few days.
- On a night flight, try to sleep if it's night where you're going.

== environment
? How can I help the planet?
? What can I do to be more eco friendly?
? How can I waste less?
? How can I save energy at home?
? How do I reduce plastic?
? How can I recycle more?
? How can I use less water at home?
? What are easy green habits?
> Small actions really add up.
> Here are some ideas.
- Turn off lights when you leave a room.
- Carry a reusable bag and water bottle.
- Recycle paper, glass, cans and plastic where you can.
- Walk, cycle or take the bus when you can.
- Take shorter showers.
- Fix things instead of throwing them away.
- Buy only the food you need so less goes to waste.

== kids_screen
? How much screen time should kids have?
? My kids are always on tablets.
? How do I get my children to play outside?
? Are video games bad for kids?
? How do I limit my child's screen time?
> Many parents think about this.
> Here are some ideas.
- Set simple rules about when screens are okay.
- Keep screens out of bedrooms at night.
- Plan outdoor time every day, like a walk or a trip to the park.
- Offer fun things to do, like building blocks, drawing or board games.
- Join in, because kids love playing with their parents.
- Video games are fine in moderation, especially good games with time limits.

== cheer_up
? My friend is sad. How can I help?
? How can I cheer someone up?
? What should I say to a friend who is upset?
? My mom had a bad day. What can I do?
? How do I comfort someone?
? My friend lost her job. How can I help?
? What do I say to someone who is sad?
? How can I support a friend who is going through a hard time?
> It's kind of you to want to help.
> Here are some ideas.
- Listen more than you talk.
- Tell them you care about them.
- Offer to do something together, like a walk or a movie.
- Bring them a small treat or a note.
- Ask what would help, instead of guessing.
- Check in again a few days later.

== gift
? What should I get my mom for her birthday?
? I need a gift idea for my friend.
? What's a good present for my dad?
? What can I give my grandma?
? Help me pick a gift.
? What's a good gift for someone who has everything?
? What's a good gift for a teacher?
? What should I buy for a friend's new home?
? What's a nice gift that doesn't cost much?
> A thoughtful gift doesn't have to cost much.
> Here are some ideas.
- Think about what they love to do, and pick something for that hobby.
- A handwritten card makes any gift special.
- Plan a day out together, like a picnic or a visit to a museum.
- Homemade cookies or a framed photo are lovely gifts.
- A plant or some flowers can brighten their home.
- A good book on a topic they like is a nice choice.

== money_kids
? How do I teach my kids about money?
? Should my child get pocket money?
? How can kids learn to save?
? How much allowance should a child get?
? How do I teach a teenager to budget?
> Learning about money early is really useful.
> Here are some ideas.
- Give a small, regular allowance.
- Use three jars: one to spend, one to save and one to share.
- Let them buy something small and count the change.
- Talk about the difference between needs and wants.
- Help them save up for something they want.
- The amount is up to each family, and many start small and raise it as kids grow.

== stretch
? How do I become more flexible?
? What stretches should I do?
? My back is stiff from sitting.
? How often should I stretch?
? What are good stretches for my neck?
? Should I stretch before or after running?
> Gentle stretching helps your body feel good.
> Here are some tips.
- Stretch gently and never into pain.
- Hold each stretch for about twenty to thirty seconds.
- Stand up and move every hour if you sit a lot.
- Stretch after a short walk, when your muscles are warm.
- Breathe slowly while you stretch.
- If pain doesn't go away, talk to a doctor.
- Warm up with easy movement before running, and do longer stretches after.
- For your neck, slowly tilt your head toward each shoulder and hold.

== hand_washing
? How do I wash my hands properly?
? When should I wash my hands?
? Why should I wash my hands?
? How long should I wash my hands?
? Is hand sanitizer as good as soap?
> Washing your hands is one of the best ways to stay healthy.
> Here's how.
- Wet your hands and use soap.
- Rub your hands together for about twenty seconds.
- Clean between your fingers and under your nails.
- Rinse with clean water and dry with a clean towel.
- Wash your hands before eating and after using the toilet.
- Washing your hands stops germs from spreading.
- Hand sanitizer helps when there's no soap, but soap and water are best when your hands are dirty.

== sun_safety
? How do I protect my skin from the sun?
? Do I need sunscreen?
? How do I avoid sunburn?
? Can I get sunburned on a cloudy day?
? How often should I put on sunscreen?
> The sun is strong, so protecting your skin is important.
> Here are some tips.
- Use sunscreen and put more on every two hours.
- Wear a hat and sunglasses.
- Stay in the shade around midday.
- Cover your arms and legs with light clothes.
- You can get sunburned on cloudy days too.
- Put sunscreen on fifteen minutes before you go outside.

== cold_sick
? How can I get over a cold faster?
? What should I do when I have a cold?
? How do I avoid catching a cold?
? What should I eat when I have a cold?
? Should I stay home when I have a cold?
? How long does a cold last?
> Here are some things that help.
- Rest as much as you can.
- Drink lots of water and warm drinks.
- Wash your hands often so you don't spread it.
- Warm soup can help you feel better.
- Cough or sneeze into your elbow.
- See a doctor if you have trouble breathing or a high fever.
- Most colds last about a week to ten days.
- Stay home if you feel unwell, so you can rest and don't spread it.

== first_day_school
? My child starts school tomorrow.
? I'm nervous about my first day at a new school.
? How do I make friends at a new school?
? Tips for the first day of school?
? How do I prepare my kid for the first day of school?
? What should I pack for the first day of school?
> A new school is a big step.
> Here are some ideas.
- Get your bag and clothes ready the night before.
- Eat a good breakfast.
- Smile and say hello to the people next to you.
- Ask someone their name and what they like.
- Remember that everyone else is new too.
- Ask the teacher if you need help finding your way.
- Pack a water bottle, a snack and everything on the school's list.

== decide
? How do I make a hard decision?
? I can't decide what to do.
? I need to make a big choice.
? How do I choose between two options?
? Should I follow my head or my heart?
? How do I stop overthinking a decision?
> Big choices can feel hard.
> Here are some ideas.
- Write a list of good and bad points for each choice.
- Think about what matters most to you.
- Talk it over with someone you trust.
- Give yourself a deadline, so you don't worry forever.
- Imagine how you would feel with each choice.
- Remember that most choices can be changed later.
- Listen to both your head and your heart: think it through, then notice how each choice feels.

== budget_food
? How can I eat well on a small budget?
? How do I save money on groceries?
? What are cheap, healthy foods?
? How do I plan meals for the week?
? What can I cook when money is tight?
> Eating well doesn't have to cost a lot.
> Here are some ideas.
- Plan your meals for the week and shop with a list.
- Buy rice, oats, beans and lentils, which are cheap and filling.
- Buy fruit and vegetables that are in season.
- Cook big batches and freeze some for later.
- Compare prices per pound or per kilo.
- Store brands often cost less and taste the same.

== pet_care
? How do I take care of a pet?
? I want to get a pet. What should I know?
? What do pets need?
? Is a pet a lot of work?
? What pet is easiest to look after?
? How much does a pet cost?
? What should I buy for a new puppy?
> Pets are wonderful, and they need care every day.
> Here are the basics.
- Give your pet fresh water every day.
- Feed it the right food for its kind and size.
- Keep its home or bed clean.
- Take it to a vet for checkups.
- Spend time playing with it every day.
- Think about how much time and money a pet needs before you get one.
- A new puppy needs a bed, bowls, food, a collar, a leash and chew toys.
- Fish and small animals like hamsters are often easiest for beginners.

== garden_start
? How do I start a garden?
? I want to grow my own vegetables.
? What vegetables are easy to grow?
? How do I grow herbs at home?
? What can I grow on a balcony?
? When should I plant vegetables?
? Do I need a big yard to grow food?
> Growing your own food is very rewarding.
> Here are some tips.
- Start small, with a few pots or one small bed.
- Pick a sunny spot, because most vegetables need lots of sun.
- Easy vegetables include lettuce, radishes, beans and tomatoes.
- Herbs like basil, mint and parsley grow well in pots.
- Water in the morning or evening, not in the heat of the day.
- Pull weeds while they are small.
- Most vegetables are planted in spring, after the last frost.
- You don't need a yard, because many vegetables grow well in pots.
""")

# More advice, in the same format as ADVICE.
more_blocks(ADVICE, """
== be_happier
? How can I be happier?
? What makes people happy?
? How do I enjoy life more?
? Any tips for a happier life?
> Happiness often comes from small, everyday things.
> Here are some ideas that help many people.
- Spend time with people you care about.
- Get outside and move your body every day.
- Write down three good things at the end of each day.
- Help someone, because kindness makes you feel good too.
- Sleep well, because everything feels better after rest.
- Make time for a hobby you enjoy.

== listen_better
? How do I become a good listener?
? People say I don't listen. What can I do?
? How do I show someone I'm really listening?
> Good listening is a kind and useful skill.
> Here are some tips.
- Put your phone away and look at the person.
- Let them finish before you speak.
- Ask questions about what they said.
- Repeat back the main point to show you understood.
- Try not to plan your answer while they're talking.

== time_management
? How do I manage my time better?
? I never have enough time.
? How can I be more organized?
? How do I plan my week?
> Good planning can give you more free time.
> Here are some ideas.
- Write your tasks down and pick the three most important ones.
- Plan your week on Sunday evening.
- Do similar small jobs together, like emails or calls.
- Say no to things that aren't important to you.
- Leave some free time in your day for surprises.
- Use a calendar or planner for appointments.

== first_apartment
? I'm moving into my first apartment. Any advice?
? What should I know about living alone?
? How do I live on my own for the first time?
> Living on your own is a big step.
> Here are some tips.
- Make a simple budget for rent, food and bills.
- Learn a few easy meals you can cook.
- Keep a small toolkit and a first aid kit.
- Get to know your neighbors.
- Set up a cleaning routine, a little every day.

== healthy_kids
? How do I keep my kids healthy?
? What should children eat?
? How much sleep do kids need?
> Healthy habits are easiest to learn when you're young.
> Here are some ideas.
- Offer lots of fruit, vegetables and whole grains.
- Make sure they play outside and move every day.
- Young children need ten to thirteen hours of sleep.
- Keep sweet drinks for special times and offer water instead.
- Wash hands before meals and after playing outside.

== older_parents
? How can I help my elderly parents?
? My parents are getting older. What can I do?
? How do I keep in touch with my parents more?
> It's kind of you to think about this.
> Here are some ideas.
- Call or visit regularly, even for a short chat.
- Help with shopping, cleaning or appointments.
- Ask them what they need instead of guessing.
- Share stories and photos so they feel included.
- Encourage them to stay active and see friends.

== learn_new_skill
? How do I learn something new?
? What's the best way to learn a skill?
? I want to learn a new skill. How do I start?
> Learning something new is exciting.
> Here are some tips.
- Pick one skill and start small.
- Practice a little every day.
- Find a teacher, a class or good videos.
- Don't be afraid of mistakes, because they help you learn.
- Track your progress so you can see how far you've come.

== safety_home
? How do I keep my home safe?
? What should I have in case of an emergency?
? How can I make my home safer for kids?
> A few simple steps make a home much safer.
> Here are some ideas.
- Put a smoke alarm on every floor and test it every month.
- Keep a first aid kit and a flashlight where you can find them.
- Store medicines and cleaning products out of children's reach.
- Keep emergency phone numbers easy to find.
- Lock doors and windows when you go out.

== quit_sugar_drinks
? How do I drink less soda?
? I drink too many sugary drinks.
> Cutting down on sugary drinks is a great change.
> Here are some ideas.
- Swap one soda a day for water or sparkling water.
- Add fruit slices to water for flavor.
- Don't keep soda at home.
- Try unsweetened iced tea.
- Cut down slowly, a little each week.
""")
# ---------------------------------------------------------------------------
# Data: how-to. The key is the task as in "How do I ...?"; '-' lines are the
# steps in order (a reply gives up to three, "Then what?" gives the rest);
# '+' lines are a closing tip.
# ---------------------------------------------------------------------------

HOWTO = blocks("""
== boil an egg
? How long do I boil an egg?
? How do you make a hard boiled egg?
? How do I make a soft boiled egg?
? How many minutes should I boil an egg?
? What's the trick to boiling eggs?
- Put the egg in a pot and cover it with cold water.
- Bring the water to a boil.
- Turn the heat down and cook for about six minutes for a soft egg, or ten minutes for a hard one.
- Put the egg in cold water to cool, then peel it.
+ Older eggs are easier to peel than very fresh ones.

== make a cup of tea
? How do you make tea?
? What's the right way to make tea?
? How long should tea steep?
? Can you teach me to make tea?
? How do I brew a good cup of tea?
- Boil some fresh water.
- Put a tea bag or a spoon of loose tea in a cup or pot.
- Pour the hot water over it and let it steep for three to five minutes.
- Take out the tea and add milk, lemon or sugar if you like.
+ Green tea tastes best with water that is hot but not boiling.

== make coffee
? How do you make coffee?
? How do I make coffee without a machine?
? How do I make a good cup of coffee?
? How much coffee do I use per cup?
? What's an easy way to make coffee at home?
- Boil water and let it cool for about a minute.
- Put about two spoons of ground coffee per cup into a press or a filter.
- Pour the hot water over the coffee and wait about four minutes.
- Press or let it drip through, then pour and enjoy.
+ Fresh ground coffee tastes best.

== tie my shoes
? How do you tie shoelaces?
? Can you teach me to tie my shoelaces?
? How do I tie a shoelace?
? My shoelaces keep coming undone. How do I tie them?
? How do I teach my child to tie shoes?
- Cross the two laces and pull one under the other to make a knot.
- Make a loop with one lace.
- Wrap the other lace around the loop and push it through the hole to make a second loop.
- Pull both loops tight.
+ Practice a few times and it becomes easy.

== plant a seed
? How do you plant seeds?
? How do I grow a plant from a seed?
? How deep should I plant seeds?
? How do I start seeds indoors?
? What do seeds need to sprout?
- Fill a small pot with soil.
- Make a small hole about twice as deep as the seed is big.
- Drop in the seed, cover it with soil and water it gently.
- Keep the pot in a warm, bright place and keep the soil damp.
+ Most seeds sprout in one to two weeks.

== make my bed
? How do you make a bed neatly?
? What's the right way to make a bed?
? How do I make my bed look nice?
- Pull the bottom sheet straight and tuck it in.
- Shake out the blanket or duvet and lay it flat.
- Fold the top back a little and put the pillows at the head.
+ It only takes two minutes, and your room looks much tidier.

== fold a shirt
? How do you fold a T-shirt?
? How do I fold clothes neatly?
? How do I fold shirts so they don't wrinkle?
? What's a quick way to fold laundry?
- Lay the shirt flat, face down.
- Fold each side toward the middle, with the sleeves folded in.
- Fold the bottom up to the top.
- Turn it over, and it's ready to put away.

== ride a bike
? How do I learn to ride a bike?
? Can you teach me to ride a bicycle?
? How do you ride a bike?
? How do I teach my kid to ride a bike?
? I never learned to ride a bike. How do I start?
- Start on a flat, quiet path and wear a helmet.
- Sit on the seat with your feet on the ground and push along to find your balance.
- When you feel steady, put your feet on the pedals and push.
- Look ahead, not down, and keep pedaling to stay balanced.
+ Falling a few times is normal while you learn.

== write an email
? How do I write a good email?
? How do you write a formal email?
? What should I put in an email?
? How do I start an email to my boss?
? How should I end an email?
- Write a short, clear subject line.
- Start with a greeting, like hello and the person's name.
- Say why you are writing in the first sentence or two.
- Finish with a thank you and your name.
+ Read it once more before you send it.

== set up a tent
? How do you pitch a tent?
? How do I put up a tent?
? How do I set up a camping tent?
- Find a flat spot and clear away stones and sticks.
- Lay out the tent and put the poles together.
- Slide the poles through the sleeves or clips and raise the tent.
- Push the pegs into the ground to hold it in place.
+ Practice at home before your trip.

== clean a window
? How do you clean windows without streaks?
? How do I wash a window?
? What's the best way to clean glass?
- Mix warm water with a little dish soap.
- Wash the glass with a sponge.
- Wipe it dry from top to bottom with a clean cloth or a squeegee.
+ Cleaning on a cloudy day helps, because the sun can dry the glass too fast and leave streaks.

== sew on a button
? How do I fix a button that fell off?
? How do you sew a button back on?
? How do I sew a button?
? Can you teach me to sew a button on my coat?
- Thread a needle and tie a knot at the end.
- Push the needle up through the fabric and through one hole of the button.
- Go down through the opposite hole, and repeat several times.
- Tie a knot on the back and cut the thread.

== change a light bulb
? How do you replace a light bulb?
? How do I put in a new light bulb?
? The light bulb burned out. How do I change it?
- Turn off the light and let the old bulb cool down.
- Twist the old bulb out gently.
- Twist the new bulb in until it is snug, but not too tight.
- Turn the light back on to test it.
+ Use a steady step stool, not a wobbly chair.

== wrap a gift
? How do you wrap a present?
? What's the easiest way to wrap a box?
? How do I wrap a birthday present?
? Any tips for wrapping gifts?
- Put the box face down on the wrapping paper.
- Cut enough paper to cover the box with a little overlap.
- Fold the paper over the box and tape it down.
- Fold the ends into neat triangles and tape them.
+ A ribbon on top makes it look special.

== iron a shirt
? How do you iron a shirt?
? How do I get wrinkles out of a shirt?
? What's the right way to iron clothes?
- Check the label and set the iron to the right heat.
- Start with the collar, then the cuffs and sleeves.
- Iron the back, then the front panels.
- Hang the shirt up right away.
+ Hanging a shirt in a steamy bathroom also helps with wrinkles.

== wash dishes by hand
? How do you wash dishes properly?
? What's the best way to do the dishes?
? How do I wash pots and pans?
- Scrape leftover food into the bin.
- Fill the sink with hot, soapy water.
- Wash glasses first, then plates, then pots and pans.
- Rinse everything with clean water and let it dry on a rack.

== do laundry
? How do you do laundry?
? How do I use a washing machine?
? How do I wash clothes?
? How do I wash clothes in a washing machine?
? How do I keep my white clothes white?
- Sort your clothes into whites, dark clothes and colors.
- Check the labels for the right temperature.
- Put the clothes in the machine with detergent and choose a program.
- Hang them up or put them in the dryer when the wash is done.
+ Empty the pockets first.

== get a stain out
? How do I remove a stain?
? How do I get a stain out of my shirt?
? How do you clean a coffee stain?
? How do I get grass stains out?
? My shirt has a food stain. What can I do?
- Act quickly, before the stain dries.
- Blot it gently with a clean cloth, without rubbing.
- Rinse it with cold water from the back of the fabric.
- Rub in a little soap or stain remover, then wash as usual.
+ Check that the stain is gone before you put it in the dryer, because heat can set it.

== fix a flat bike tire
? How do I repair a bike tire?
? How do I patch a bike tube?
? My bike has a flat tire. What do I do?
- Take the wheel off and remove the tire with tire levers.
- Pump a little air into the tube to find the hole.
- Sand the area, put on a patch and press it firmly.
- Put the tube and tire back, then pump it up.
+ Check inside the tire for the sharp thing that caused the hole.

== unclog a sink
? My sink is blocked. What do I do?
? How do you fix a clogged drain?
? How do I clear a blocked drain?
- Remove any hair or food you can see in the drain.
- Pour a kettle of hot water down the drain.
- Use a plunger, pushing up and down quickly a few times.
- If it's still blocked, call a plumber.

== hang a picture
? How do you hang a picture on the wall?
? How do I put a picture up?
? How do I hang a frame on the wall?
- Hold the picture against the wall to choose the spot.
- Mark where the nail or hook should go with a pencil.
- Tap the nail into the wall with a hammer.
- Hang the picture and check that it's straight.

== paint a room
? How do you paint a wall?
? What do I need to paint my bedroom?
? How do I paint a room?
? What's the best way to paint walls?
- Move the furniture and cover the floor.
- Wash the walls and put tape along the edges.
- Paint the edges with a brush, then fill in the rest with a roller.
- Let it dry and add a second coat.
+ Open a window so the room stays airy.

== make a paper airplane
? How do you fold a paper plane?
? How do I make a paper plane that flies far?
? How do I make a paper airplane?
- Fold a sheet of paper in half the long way, then open it.
- Fold the top corners in to the middle line.
- Fold the new slanted edges to the middle again.
- Fold the plane in half and fold down each wing.
+ Throw it gently and level, not too hard.

== make a paper boat
? How do you fold a paper boat?
? How do I make a boat out of paper?
- Fold a sheet of paper in half from top to bottom.
- Fold the top corners down to the middle to make a triangle.
- Fold the bottom strips up on each side.
- Open it from the middle, flatten it into a square, and pull the sides out to make a boat.

== draw a cat
? How do I draw a cat?
? Can you teach me to draw a cat?
? What's an easy way to draw a cat?
- Draw a circle for the head and a bigger oval for the body.
- Add two triangle ears on top of the head.
- Draw the eyes, a small nose and whiskers.
- Add four legs and a long curvy tail.
+ Simple shapes make drawing much easier.

== tie a tie
? How do you tie a necktie?
? How do I tie a tie?
? How do I tie a simple tie knot?
- Put the tie around your neck with the wide end longer than the thin end.
- Cross the wide end over the thin end and wrap it around once.
- Bring the wide end up through the loop at your neck.
- Push it down through the knot in front and tighten gently.

== juggle
? How do you juggle?
? How do I learn to juggle three balls?
? Is juggling hard to learn?
- Start with one ball and toss it from hand to hand in an arc at eye level.
- Then use two balls: throw the first, and when it peaks, throw the second.
- When that feels easy, add a third ball.
+ Practice over a bed so you don't have to bend down so much.

== float in water
? How do I float on my back?
? How do you float in a pool?
? How can I learn to float?
- Lie back in the water with your ears in the water.
- Stretch out your arms and legs like a star.
- Push your belly up and breathe slowly.
+ Practice in shallow water with someone nearby.

== do a push-up
? How do you do a push-up correctly?
? How do I do push-ups?
? What's the right way to do a push-up?
- Put your hands on the floor a little wider than your shoulders.
- Keep your body in a straight line from head to heels.
- Lower your chest toward the floor, then push back up.
+ You can start with your knees on the floor until you get stronger.

== meditate
? How do I start meditating?
? How do you meditate?
? What is a simple way to meditate?
? How can I learn to meditate?
- Sit comfortably in a quiet place.
- Close your eyes and breathe slowly.
- Pay attention to your breath going in and out.
- When your mind wanders, gently bring it back to your breath.
+ Start with just five minutes a day.

== take a good photo
? How can I take better photos?
? How do I take nice pictures with my phone?
? How do I take better pictures of food?
- Use soft light, like in the early morning or late afternoon.
- Keep the camera steady.
- Don't put your subject right in the middle every time.
- Get closer to your subject.
+ Take lots of pictures and keep the best ones.

== write a letter
? How do I write a letter?
? How do you write a thank you letter?
? How do I write a letter to a friend?
? What goes in a letter?
- Write the date at the top.
- Start with a greeting, like dear and the person's name.
- Write what you want to say in short paragraphs.
- End with a kind closing, like best wishes, and sign your name.

== read a map
? How do you read a map?
? How do I use a map?
? How do I find my way with a map?
- Find the key, which explains what the symbols mean.
- Find north, which is usually at the top.
- Find where you are and where you want to go.
- Follow the roads or paths between them.

== find north
? How do I find north without a compass?
? Which way is north?
- The sun rises in the east and sets in the west.
- At midday, in the northern half of the world, the sun is in the south.
- At night in the northern half of the world, the North Star shows the way north.
+ A compass or a map app on your phone is the easiest way.

== build a sandcastle
? How do you build a sandcastle?
? How do I make a good sandcastle?
? What's the secret to a good sandcastle?
- Use wet sand, because it sticks together.
- Pack sand tightly into a bucket and turn it over quickly.
- Stack smaller towers on top and shape the walls with your hands.
- Dig a moat around it.

== fly a kite
? How do you fly a kite?
? How do I get a kite in the air?
? How do I get my kite to fly?
- Choose an open place with a steady wind and no trees or power lines.
- Stand with your back to the wind and hold the kite up.
- Let the wind lift it as you let out the string slowly.
- Pull gently on the string when it dips.

== make a budget
? How do I make a budget?
? How do I plan my money?
? How do I start a budget?
? What's the first step in making a budget?
- Write down how much money you get each month.
- List your regular costs, like rent, food and bills.
- Decide how much to save and how much you can spend on other things.
- Check your spending every week.

== make a to-do list
? How do I make a good to-do list?
? How should I plan my day?
? How do I organize my tasks?
- Write down everything you need to do.
- Mark the three most important things.
- Do those first.
- Cross things off as you finish them.
+ Keep it short, so it doesn't feel overwhelming.

== cut an onion
? How do you chop an onion?
? How do I cut an onion without crying?
? What's the best way to dice an onion?
- Cut off the top, peel the skin and cut the onion in half.
- Lay each half flat and slice it.
- Turn it and slice the other way to make small pieces.
+ A sharp knife and a cold onion make fewer tears.

== cook pasta
? How long do I cook pasta?
? How do you make pasta?
? How much water do I need for pasta?
? How do I cook spaghetti?
- Bring a big pot of water to a boil and add salt.
- Add the pasta and stir.
- Cook it for the time on the package, usually about ten minutes.
- Drain it and mix it with sauce.
+ Taste a piece to check if it's soft enough.

== keep bread fresh
? How do I store bread?
? How do I keep bread from going stale?
? Where should I keep bread?
- Keep bread in a bread box or a paper bag at room temperature.
- Don't keep it in the fridge, because it goes stale faster there.
- Freeze slices you won't eat in a few days.
+ Frozen slices can go straight into the toaster.

== keep apples from turning brown
? Why do cut apples turn brown?
? How do I stop apple slices from going brown?
- Cut apples turn brown when the air touches them.
- Squeeze a little lemon juice over the slices.
- Or keep them in a sealed box in the fridge.

== clean the fridge
? How do I clean my fridge?
? My fridge smells. What do I do?
? How often should I clean the fridge?
- Take everything out and throw away old food.
- Wash the shelves with warm, soapy water.
- Wipe everything dry and put the food back.
+ A small open box of baking soda helps stop smells.

== plant a tree
? How do you plant a tree?
? What's the best way to plant a young tree?
? When is the best time to plant a tree?
- Dig a hole twice as wide as the roots and just as deep.
- Put the tree in and spread the roots out.
- Fill the hole with soil and press it down gently.
- Water it well, and keep watering it during dry weeks.

== repot a plant
? How do I move a plant to a bigger pot?
? How do I give my plant a bigger pot?
- Choose a pot a little bigger than the old one, with holes in the bottom.
- Gently slide the plant out of its old pot.
- Put it in the new pot and fill around it with fresh soil.
- Water it well.
+ Spring is a good time to repot.

== bathe a dog
? How do I wash my dog?
? How do I give my dog a bath?
- Brush your dog first to remove loose hair.
- Wet the fur with warm water.
- Use dog shampoo and keep it away from the eyes and ears.
- Rinse well and dry with a towel.
+ Most dogs only need a bath every month or two.

== walk a dog
? How do I walk my dog?
? How do I take my dog for a walk?
- Use a comfortable leash and collar or harness.
- Bring bags to clean up after your dog.
- Let your dog sniff around, because that is fun for dogs.
- Most dogs need at least one or two walks a day.

== set the table
? How do you set a table?
? Where do the forks go?
? How do I set the table for dinner?
- Put a plate in front of each chair.
- Put the fork on the left side of the plate.
- Put the knife and spoon on the right, with the knife blade facing the plate.
- Put the glass above the knife.

== reset a password
? I forgot my password. What do I do?
? How do I change my password?
? How do I get back into my account?
- Go to the sign in page and look for a link that says forgot password.
- Follow the steps, which usually send a code or link to your email or phone.
- Choose a new, strong password that you don't use anywhere else.
+ A password manager can help you remember strong passwords.

== make a snowball
? How do I make a good snowball?
- Use wet, sticky snow, because powdery snow falls apart.
- Scoop up some snow with gloved hands.
- Press it firmly into a round ball.

== skip a stone
? How do you skip stones on water?
? How do I make a rock skip?
? What's the trick to skipping stones?
- Find a flat, smooth, round stone.
- Hold it between your thumb and middle finger.
- Throw it low and flat across calm water with a flick of your wrist.

== whistle
? How do I learn to whistle?
? How do you whistle?
? I can't whistle. How do I learn?
- Wet your lips and make a small round shape with them.
- Put the tip of your tongue behind your bottom teeth.
- Blow gently, and move your tongue until you hear a clear note.
+ It takes practice, so keep trying.

== remember a phone number
? How do I memorize a phone number?
- Break the number into small groups, like three or four digits.
- Say it out loud a few times.
- Write it down and look at it again later in the day.

== warm up before exercise
? How do I warm up before running?
? Why should I warm up before exercise?
? What's a good warm up?
- Warming up gets your muscles ready and helps prevent injuries.
- Start with five minutes of easy walking or slow jogging.
- Then swing your arms and legs gently.
- Slowly build up speed.

== cool down a hot room
? How can I keep my room cool?
? My room is too hot at night.
? How do I cool my house without air conditioning?
- Close the curtains during the hottest part of the day.
- Open windows in the cool morning and evening.
- Use a fan to move the air.
- Turn off lights and machines you don't need, because they make heat.

== stay warm in winter
? How do I keep warm in winter?
? How can I stay warm without turning up the heat?
? How do I stay warm at home?
- Wear layers, warm socks and a sweater.
- Close the curtains at night to keep heat in.
- Drink warm drinks and eat warm meals.
- Use a warm blanket on the couch.

== start a conversation
? How do I start a conversation with someone?
? What do I say to someone new?
? How do I talk to someone I just met?
- Smile and say hello.
- Ask a simple question about something around you.
- Listen to the answer and ask a follow up question.
- Share a little about yourself too.

== write a poem
? How do I write a poem?
? Can you help me start a poem?
? How do I write a short poem?
- Choose something you care about, like the sea or a friend.
- Write down words and pictures that come to mind.
- Arrange them in short lines.
- Read it out loud and change words until it sounds right.
+ A poem doesn't need to rhyme.

== learn to swim
? How do adults learn to swim?
? Is it too late to learn to swim?
? How do I start learning to swim?
- It's never too late to learn to swim.
- Take lessons with a trained teacher.
- Start by getting used to putting your face in the water and blowing bubbles.
- Practice floating and kicking while holding the side of the pool.

== wake up a sleepy mind
? How can I wake myself up in the morning?
? How do I feel more awake?
- Open the curtains and get some daylight.
- Drink a glass of cold water.
- Move around, stretch or take a quick walk.
- Splash cool water on your face.
""")

# More how-to tasks, in the same format as HOWTO.
more_blocks(HOWTO, """
== make a sandwich
? What's a good way to make a sandwich?
? How do you make a simple sandwich?
- Take two slices of bread and spread a little butter or mayonnaise.
- Add your fillings, like cheese, ham, lettuce or tomato.
- Put the second slice on top and cut it in half.

== make a salad dressing
? How do you make salad dressing?
? What's an easy dressing for salad?
- Put three spoons of olive oil and one spoon of vinegar or lemon juice in a jar.
- Add a pinch of salt and a little mustard if you like.
- Close the jar and shake it well.
+ Taste it and add more lemon or salt to your liking.

== carve a jack o'lantern
? How do you carve a pumpkin face?
? How do I make a jack o'lantern?
- Cut a circle around the stem and lift off the lid.
- Scoop out the seeds with a big spoon.
- Draw a face on the side with a marker.
- Carefully cut along the lines with a small knife, with an adult's help for kids.

== build a snowman
? How do you build a snowman?
? What's the best way to build a snowman?
- Roll a snowball along the ground until it's big, for the body.
- Roll a smaller one for the middle and an even smaller one for the head.
- Stack them up and pack snow between them.
- Add stones for eyes, a carrot for a nose and sticks for arms.

== care for a houseplant
? How do I look after a houseplant?
? How do I keep an indoor plant healthy?
- Put it in a spot with the right light for that plant.
- Water it when the top of the soil is dry.
- Feed it with plant food in spring and summer.
- Wipe the leaves and turn the pot now and then.

== teach a dog to sit
? How can I train my puppy to sit?
? What's the easiest way to teach a dog to sit?
- Hold a treat close to your dog's nose.
- Slowly move the treat up and back over its head, so its bottom goes down.
- As soon as it sits, say sit, and give the treat.
- Practice a few times a day for short sessions.
+ Always reward good behavior right away.

== make lemonade at home
? What's a simple lemonade recipe?
? How can I make fresh lemonade?
- Squeeze the juice from four or five lemons.
- Stir in sugar until it dissolves.
- Add cold water and ice, then taste and adjust.

== pack a lunch box
? What should I put in a lunch box?
? How do I pack a healthy lunch?
- Start with a main food, like a sandwich, a wrap or leftover pasta.
- Add a fruit and a vegetable, like an apple and carrot sticks.
- Include a small snack and a bottle of water.
+ Keep it cool with an ice pack on hot days.

== write a thank you note
? How do I write a thank you note?
? What should a thank you card say?
- Start with the person's name.
- Thank them for the gift or the kindness, and say what it means to you.
- Add a warm wish, like hope to see you soon.
- Sign your name.

== study for a test
? How do I get ready for a test?
? What's the best way to revise?
- Start a few days before, not the night before.
- Make short notes of the main ideas.
- Test yourself with questions and check your answers.
- Sleep well the night before.
""")
# ---------------------------------------------------------------------------
# Data: knowledge questions. A reply starts with the first '-' line or one of
# the '~' lines (the same fact in other words), then continues with the next
# '-' lines in order; "Tell me more" gives the rest.
# ---------------------------------------------------------------------------

KNOWLEDGE = blocks("""
== sky_blue
? Why is the sky blue?
? What makes the sky blue?
? How come the sky is blue?
? Why is the sky blue during the day?
? What gives the sky its color?
- Sunlight is made of all the colors, and the air scatters blue light much more than red light.
~ The sky is blue because air scatters the blue part of sunlight more than the other colors.
- That scattered blue light comes at us from every part of the sky.
- At sunset, the light travels through more air, so we see more red and orange.

== sunset_colors
? Why are sunsets red and orange?
? Why is the sky orange at sunset?
? What makes sunsets so colorful?
- At sunset, sunlight passes through much more air before it reaches your eyes.
~ Sunsets look red and orange because the light travels through a thick layer of air.
- The air scatters away most of the blue light.
- The red, orange and yellow light is what is left to see.

== rain
? Why does it rain?
? Where does rain come from?
? How does rain form?
? What makes it rain?
? How do clouds make rain?
? Why does rain fall from clouds?
- Rain comes from clouds, which are made of tiny drops of water.
~ It rains when the tiny water drops in clouds join together and get too heavy to float.
- The drops bump into each other and grow bigger.
- When they get too heavy, they fall to the ground as rain.

== clouds
? What are clouds made of?
? How do clouds form?
? Why do clouds float?
? What is a cloud?
- Clouds are made of tiny drops of water or bits of ice floating in the air.
~ A cloud is a huge group of tiny water drops or ice crystals.
- Warm air carries water vapor up into the sky, where it cools.
- The cool vapor turns into tiny drops, and together they make a cloud.

== snow
? How does snow form?
? What is snow made of?
? Why does it snow?
? How are snowflakes made?
- Snow forms when water vapor in cold clouds freezes into ice crystals.
~ Snowflakes are tiny ice crystals that grow in very cold clouds.
- The crystals stick together to make snowflakes.
- If the air near the ground is cold enough, they fall as snow instead of melting into rain.

== rainbow
? How does a rainbow form?
? What makes a rainbow?
? Why do we see rainbows?
? Why do rainbows appear after rain?
? When can I see a rainbow?
- A rainbow forms when sunlight shines through raindrops.
~ Rainbows appear when raindrops bend sunlight and split it into its colors.
- Each drop bends the light and splits it into colors.
- You see a rainbow when the sun is behind you and rain is in front of you.

== rainbow_colors
? What are the colors of the rainbow?
? How many colors are in a rainbow?
? What colors does a rainbow have?
- The colors of the rainbow are red, orange, yellow, green, blue, indigo and violet.
~ A rainbow has seven main colors: red, orange, yellow, green, blue, indigo and violet.
- The red is always on the outside of the arch and the violet on the inside.
- You see a rainbow when the sun is behind you and it is raining in front of you.

== thunder
? What causes thunder?
? Why does thunder happen?
? What is thunder?
- Thunder is the sound made by lightning.
~ Thunder happens when lightning heats the air so fast that it bursts outward with a loud bang.
- Lightning makes the air around it extremely hot very quickly.
- The air expands so fast that it makes a booming sound.
- You see lightning before you hear thunder because light travels faster than sound.

== lightning
? What is lightning?
? How does lightning happen?
? Why is lightning dangerous?
? What makes lightning?
- Lightning is a giant spark of electricity in the sky.
~ Lightning is a huge flash of electricity between clouds, or between a cloud and the ground.
- It builds up when ice and water bump together inside storm clouds.
- Lightning is very hot and can be dangerous, so stay inside during a storm.

== wind
? What causes wind?
? Where does wind come from?
? Why is it windy?
? Why does the wind blow?
? What makes the wind?
- Wind is moving air.
~ Wind happens when air moves from a place with high pressure to a place with low pressure.
- The sun warms some places more than others.
- Warm air rises, and cooler air rushes in to take its place.

== seasons
? What causes the seasons?
? Why is it cold in winter and hot in summer?
? Why do seasons change?
? How do the seasons work?
? Why is summer hot?
? What makes winter cold?
- We have seasons because the Earth is tilted.
~ The seasons happen because the Earth leans to one side as it travels around the sun.
- When your part of the Earth leans toward the sun, the days are longer and warmer, and it's summer.
- When it leans away, the days are shorter and colder, and it's winter.

== day_night
? Why do we have day and night?
? What causes day and night?
? Why does it get dark at night?
? Why is it dark at night?
? Why does the sun set?
- We have day and night because the Earth spins.
~ Day and night happen because the Earth turns around once every day.
- The side facing the sun has day.
- The side facing away from the sun has night.

== moon_shape
? Why does the moon change shape?
? What are the phases of the moon?
? Why does the moon look different every night?
- The moon doesn't really change shape.
~ The moon seems to change shape because we see different amounts of its sunny side.
- The sun always lights half of the moon.
- As the moon travels around the Earth, we see more or less of that lit half.
- It takes about a month to go from one full moon to the next.

== moon_light
? Does the moon make its own light?
? Why does the moon shine?
? Why is the moon bright?
- No, the moon doesn't make its own light.
~ The moon shines because sunlight bounces off it.
- It reflects light from the sun.
- That's why parts of the moon can be dark.

== sun_star
? Is the sun a star?
? What is the sun?
? How hot is the sun?
? What kind of star is the sun?
? Is the sun a planet or a star?
- Yes, the sun is a star.
~ The sun is a star, a huge ball of very hot gas.
- It's the closest star to the Earth.
- It gives us light and heat, and plants need its light to grow.
- The sun is so big that about a million Earths could fit inside it.

== stars
? What are stars?
? Why do stars twinkle?
? Why can't we see stars during the day?
? How far away are the stars?
? Why do stars shine?
- Stars are huge, hot balls of gas, like our sun, but very far away.
~ A star is a giant ball of hot, glowing gas.
- They look tiny because they are so far away.
- Stars seem to twinkle because their light passes through moving air.
- During the day, sunlight is so bright that it hides the stars.

== planets_count
? How many planets are there?
? How many planets are in the solar system?
? Name the planets.
? What are the planets in order?
? Which planets go around the sun?
- There are eight planets in our solar system.
~ Our solar system has eight planets.
- In order from the sun, they are Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus and Neptune.
- Pluto used to be called a planet, but now it's called a dwarf planet.

== earth_round
? Is the Earth round?
? What shape is the Earth?
? How do we know the Earth is round?
? Why is the Earth round?
- Yes, the Earth is round, like a ball.
~ The Earth is shaped like a ball, just a little wider around the middle.
- Photos from space show it clearly.
- Ships seem to sink below the horizon as they sail away, because the Earth curves.

== earth_orbit
? How long does it take the Earth to go around the sun?
? Why is a year 365 days?
? Does the Earth move?
? What is a year?
- It takes the Earth about 365 days, or one year, to go around the sun.
~ One trip of the Earth around the sun takes one year, about 365 days.
- The Earth also spins once a day, which gives us day and night.
- Every four years we add a day, February 29, to keep the calendar in step.

== gravity
? What is gravity?
? Why do things fall down?
? Why don't we float away?
? What does gravity do?
- Gravity is a force that pulls things toward each other.
~ Things fall because gravity pulls them toward the Earth.
- The Earth's gravity pulls everything toward its center.
- Gravity also keeps the moon going around the Earth and the Earth going around the sun.

== astronauts_float
? Why do astronauts float?
? Is there gravity in space?
- Astronauts float because they and their spacecraft are falling around the Earth together.
~ Astronauts seem to float because they are falling around the Earth at the same speed as their spaceship.
- There is still gravity in space.
- Since everything falls together, nothing presses on the floor, so they float.

== water_boil
? At what temperature does water boil?
? When does water boil?
? How hot is boiling water?
? What temperature does water boil at?
- Water boils at 100 degrees Celsius, which is 212 degrees Fahrenheit, at sea level.
~ At sea level, water boils at 100 degrees Celsius, or 212 degrees Fahrenheit.
- High up on mountains, water boils at a lower temperature.
- When water boils, it turns into steam.

== water_freeze
? At what temperature does water freeze?
? When does water turn into ice?
? Why does ice float?
? What temperature does water freeze at?
? How cold does it need to be for ice?
- Water freezes at 0 degrees Celsius, which is 32 degrees Fahrenheit.
~ Water turns into ice at 0 degrees Celsius, or 32 degrees Fahrenheit.
- Water takes up more space when it freezes.
- That makes ice lighter than the same amount of water, so ice floats.

== water_states
? What are the three states of water?
? What are solids, liquids and gases?
- Water can be a solid, a liquid or a gas.
~ The three states of water are ice, liquid water and steam.
- Ice is solid water, and it keeps its shape.
- Liquid water flows and takes the shape of its container.
- Steam and water vapor are water as a gas.

== water_cycle
? What is the water cycle?
? Where does water go?
? How does water get into clouds?
? How does water move around the Earth?
? Where does rain water go?
- The water cycle is how water moves around the Earth again and again.
~ In the water cycle, water rises into the air, forms clouds and falls back as rain or snow.
- The sun warms water in seas and lakes, and it rises as vapor.
- The vapor cools into clouds, and falls as rain or snow.
- The water flows back into rivers and seas, and it starts again.

== plants_food
? How do plants eat?
? What do plants need to grow?
? What is photosynthesis?
? How do plants make food?
? Why do plants need sunlight?
? How do plants grow?
- Plants make their own food from sunlight, water and air.
~ Plants need sunlight, water, air and good soil to grow.
- Their leaves use sunlight to turn water and carbon dioxide into sugar.
- This is called photosynthesis, and it also gives off the oxygen we breathe.

== leaves_fall
? Why do leaves change color in the fall?
? Why do trees lose their leaves?
? Why do leaves turn red and yellow?
? Why do trees lose leaves in autumn?
? Why do leaves fall off trees?
- Leaves change color in the fall because trees stop making the green stuff in their leaves.
~ In the fall, trees stop making chlorophyll, the green part of leaves, so other colors show through.
- Without the green, the yellow and orange that were there all along show through.
- Many trees drop their leaves to save water and energy during the cold winter.

== trees_air
? Why are trees important?
? Do trees make oxygen?
? What do trees give us?
? How do trees help the planet?
? Why should we plant trees?
- Trees are very important for life on Earth.
~ Trees give us oxygen, shade, wood and homes for animals.
- They take in carbon dioxide and give off oxygen.
- They give shade, hold soil in place and are home to many animals.

== why_bees
? Why are bees important?
? What do bees do?
? Why do we need bees?
? How do bees help flowers?
- Bees are important because they help plants make fruit and seeds.
~ Bees carry pollen from flower to flower, which helps plants grow fruit.
- As bees visit flowers for nectar, pollen sticks to their bodies.
- Many foods we eat, like apples and berries, need bees or other insects.

== why_cats_purr
? Why does my cat purr?
? What does it mean when a cat purrs?
? How do cats purr?
? Why do cats make a purring sound?
? Do cats purr when they're happy?
- Cats often purr when they are happy and relaxed.
~ A purr usually means a cat feels calm and content.
- Cats also purr sometimes when they are hurt or nervous, to calm themselves.
- The sound comes from muscles in the cat's throat.

== birds_winter
? Where do birds go when it gets cold?
? Why do birds fly south?
? What is migration?
? Where do birds fly in winter?
? Why do birds leave in the fall?
- Many birds fly to warmer places for the winter.
~ Lots of birds migrate, which means they travel to warmer places when it gets cold.
- They go where there is more food, like insects and seeds.
- In spring, they fly back to build nests and raise their babies.
- Some birds stay all winter and find seeds and berries nearby.

== frog_toad
? Are frogs and toads the same?
? What's the difference between frogs and toads?
? How can I tell a frog from a toad?
? Is a toad a kind of frog?
- Frogs and toads are close relatives, but they are a little different.
~ Frogs usually have smooth, wet skin and long legs, while toads have dry, bumpy skin and shorter legs.
- Frogs like to live in or near water and jump far.
- Toads can live in drier places and often walk or make small hops.

== dinosaurs
? What happened to the dinosaurs?
? When did dinosaurs live?
? Are dinosaurs still alive?
? Why did dinosaurs die out?
? How long ago did dinosaurs live?
- Dinosaurs lived millions of years ago.
~ Most dinosaurs died out about sixty six million years ago.
- Many scientists think a huge rock from space hit the Earth and changed the weather.
- Birds are the living relatives of dinosaurs.

== volcanoes
? How do volcanoes erupt?
? Why do volcanoes explode?
? What comes out of a volcano?
? What happens when a volcano erupts?
? Where do volcanoes come from?
- Volcanoes erupt when hot melted rock from deep underground pushes up to the surface.
~ A volcano erupts when pressure pushes melted rock, gas and ash up and out.
- The melted rock is called magma underground and lava once it comes out.
- Volcanoes can also send out ash and gas.

== earthquakes
? What causes earthquakes?
? Why does the ground shake?
? Why do earthquakes happen?
- Earthquakes happen when big pieces of the Earth's crust move suddenly.
~ The ground shakes during an earthquake because huge plates of rock slip past each other.
- The outside of the Earth is made of huge plates that move very slowly.
- When they get stuck and then slip, the ground shakes.

== ocean_salty
? Why is the sea salty?
? Why is ocean water salty?
? Can you drink sea water?
? Why can't we drink ocean water?
? Where does the salt in the sea come from?
- The sea is salty because rivers carry tiny bits of salt from rocks into it.
~ Ocean water is salty because salt from rocks washes into the sea over millions of years.
- When sea water evaporates, the salt stays behind.
- You shouldn't drink sea water, because the salt makes you more thirsty.

== tides
? What causes tides?
? Why does the sea go in and out?
- Tides are caused mostly by the moon's gravity pulling on the oceans.
~ The moon's pull makes the sea rise and fall twice a day.
- Most beaches have two high tides and two low tides each day.

== magnets
? How do magnets work?
? What do magnets stick to?
? Why do magnets stick to the fridge?
- Magnets pull on some metals, like iron and steel.
~ A magnet makes an invisible force that pulls on iron and some other metals.
- Every magnet has a north and a south end.
- Opposite ends pull together, and matching ends push apart.

== electricity
? What is electricity?
? How does electricity get to my house?
- Electricity is a kind of energy that flows through wires.
~ Electricity is energy carried by tiny particles called electrons moving through wires.
- Power stations make it, and wires carry it to homes.
- It runs our lights, fridges and computers.
- Never play with sockets or wires, because electricity can hurt you.

== heart
? What does the heart do?
? How does my heart work?
? Why does my heart beat faster when I run?
? Why is the heart important?
- Your heart pumps blood all around your body.
~ The heart is a strong muscle that pushes blood through your body.
- Blood carries oxygen and food to every part of you.
- When you exercise, your muscles need more oxygen, so your heart beats faster.

== lungs
? What do lungs do?
? Why do we breathe?
- Your lungs take in air when you breathe.
~ We breathe to get oxygen into our bodies and to get rid of carbon dioxide.
- They move oxygen from the air into your blood.
- When you breathe out, they get rid of carbon dioxide.

== bones
? How many bones are in the human body?
? What are bones for?
? What are bones made of?
? Why do we have bones?
- An adult has 206 bones.
~ The adult human body has 206 bones.
- Babies are born with more, and some join together as they grow.
- Bones hold you up, protect your organs and help you move.
- Calcium, from foods like milk and yogurt, helps keep bones strong.

== brain
? What does the brain do?
? How does the brain work?
? What is the brain for?
? How does my brain remember things?
- Your brain is in charge of your whole body.
~ The brain controls your thoughts, feelings and movements.
- It sends messages along nerves to tell your muscles what to do.
- It also stores your memories.
- Sleep and exercise help keep your brain healthy.

== sleep_why
? Why do we need sleep?
? What happens when we sleep?
? How much sleep do I need?
? Why do I need to sleep every night?
? What does sleep do for the body?
- Sleep helps your body and brain rest and repair.
~ We need sleep so our bodies can rest, grow and store memories.
- While you sleep, your brain sorts and saves what you learned.
- Most adults need seven to nine hours of sleep, and children need more.

== yawn
? Why do we yawn?
? Why is yawning contagious?
- People often yawn when they are tired or bored.
~ Scientists are not completely sure why we yawn.
- One idea is that yawning helps cool the brain.
- Seeing someone else yawn often makes us yawn too.

== hiccups
? What causes hiccups?
? How do I stop hiccups?
- Hiccups happen when a muscle under your lungs, called the diaphragm, tightens suddenly.
~ Hiccups come from sudden jumps of the muscle that helps you breathe.
- Eating too fast or drinking fizzy drinks can cause them.
- Sipping cold water slowly or holding your breath for a short time may help.

== sneeze
? Why do we sneeze?
? What makes you sneeze?
- You sneeze to clear dust, germs or pollen out of your nose.
~ A sneeze is your body's way of pushing something out of your nose.
- Sneezes can be very fast.
- Cover your sneeze with your elbow to stop germs from spreading.

== germs
? What are germs?
? How do germs spread?
? How do germs make you sick?
- Germs are tiny living things, like bacteria and viruses, that can make you sick.
~ Germs are very small living things that you can't see without a microscope.
- They spread through coughs, sneezes and dirty hands.
- Washing your hands with soap helps stop them.

== vitamins
? What are vitamins?
? Why do we need vitamins?
- Vitamins are things in food that your body needs in small amounts to stay healthy.
~ Your body needs vitamins to grow, see well and fight off sickness.
- Fruits and vegetables have lots of vitamins.
- Eating many different colors of food helps you get enough.

== camels_water
? Do camels store water in their humps?
? What is in a camel's hump?
- No, a camel's hump stores fat, not water.
~ A camel's hump is full of fat, which the camel can use for energy.
- Camels can still go a long time without drinking.
- When they find water, they can drink a lot very quickly.

== whales_fish
? Is a whale a fish?
? Are dolphins fish?
- No, whales and dolphins are mammals, not fish.
~ Whales and dolphins are mammals, even though they live in the sea.
- They breathe air, so they come up to the surface to breathe.
- They feed their babies milk, like other mammals.

== spiders_insects
? Are spiders insects?
? How many legs does a spider have?
- No, spiders are not insects.
~ Spiders are arachnids, not insects.
- Spiders have eight legs, and insects have six.
- Insects also have three body parts, while spiders have two.

== bats_blind
? Are bats blind?
? How do bats see in the dark?
- No, bats are not blind.
~ Bats can see, and many also use sound to find their way in the dark.
- Many bats make high sounds and listen for the echoes.
- The echoes tell them where things are, even at night.

== biggest_animal
? What is the biggest animal?
? What's the largest animal in the world?
? What is the biggest animal ever?
? Which animal is the largest?
? How big is a blue whale?
- The blue whale is the biggest animal in the world.
~ The biggest animal that has ever lived is the blue whale.
- A blue whale can be longer than two school buses.
- The biggest animal on land is the African elephant.

== fastest_animal
? What is the fastest animal?
? What's the fastest animal on land?
? How fast can a cheetah run?
? Which animal runs the fastest?
- The cheetah is the fastest animal on land.
~ On land, the cheetah is the fastest.
- A cheetah can run about seventy miles an hour in short bursts.
- The fastest bird, the peregrine falcon, is even faster when it dives.

== tallest_mountain
? What is the tallest mountain?
? What's the highest mountain in the world?
? How tall is Mount Everest?
? Where is Mount Everest?
? Which mountain is the tallest?
- Mount Everest is the highest mountain in the world.
~ The highest mountain on Earth is Mount Everest.
- It's in the Himalayas, on the border of Nepal and China.
- It's about 8,849 meters, or 29,032 feet, high.

== longest_river
? What is the longest river in the world?
? Which river is the longest?
? Is the Nile the longest river?
- The Nile and the Amazon are the two longest rivers in the world.
~ The Nile in Africa is usually called the longest river, with the Amazon a close second.
- The Nile flows north through Africa into the Mediterranean Sea.
- The Amazon carries more water than any other river.

== biggest_desert
? What is the biggest desert?
? Is Antarctica a desert?
- The biggest hot desert is the Sahara in Africa.
~ The Sahara in Africa is the largest hot desert in the world.
- A desert is any place that gets very little rain or snow.
- So Antarctica is actually the biggest desert of all.

== biggest_country
? What is the biggest country in the world?
? Which country is the largest?
- Russia is the biggest country in the world.
~ The largest country by area is Russia.
- Canada is second, and then comes the United States or China.
- Vatican City is the smallest country.

== continents_count
? How many continents are there?
? What are the continents?
? Name the seven continents.
? How many continents does the Earth have?
- There are seven continents.
~ Most people count seven continents.
- They are Africa, Antarctica, Asia, Australia, Europe, North America and South America.
- Asia is the biggest, and Australia is the smallest.

== oceans_count
? How many oceans are there?
? What are the five oceans?
? Name the oceans.
? How many oceans does the world have?
- There are five oceans.
~ The Earth has five oceans.
- They are the Pacific, Atlantic, Indian, Southern and Arctic oceans.
- The Pacific is the biggest, and the Arctic is the smallest.

== equator
? What is the equator?
? Where is the equator?
? What is the weather like at the equator?
- The equator is an imaginary line around the middle of the Earth.
~ The equator is a line on maps that circles the Earth halfway between the North and South Poles.
- Places near the equator are warm all year.
- It splits the Earth into a northern half and a southern half.

== north_pole
? What is at the North Pole?
? Does anyone live at the North Pole?
- The North Pole is in the middle of the Arctic Ocean, covered by floating sea ice.
~ There is no land at the North Pole, only thick sea ice on the ocean.
- No one lives there all year.
- Polar bears and seals live in the Arctic around it.

== south_pole
? What is at the South Pole?
? Is the South Pole colder than the North Pole?
- The South Pole is on Antarctica, a continent covered with thick ice.
~ The South Pole is in the middle of Antarctica.
- It's even colder than the North Pole, because it's high up on land.
- Scientists live at research stations there for a few months at a time.

== time_zones
? Why are there time zones?
? Why is it night in Japan when it's day here?
- The Earth spins, so different places face the sun at different times.
~ Time zones exist because noon comes at different times in different places.
- When it's midday in one place, it's night on the other side of the world.
- Time zones let each place set clocks to match its own daylight.

== leap_year
? What is a leap year?
? Why do we have leap years?
? How often is there a leap year?
? Why does February sometimes have 29 days?
- A leap year is a year with 366 days instead of 365.
~ In a leap year, February has 29 days instead of 28.
- It happens about every four years.
- The extra day keeps our calendar in step with the Earth's trip around the sun.

== why_wash_fruit
? Should I wash fruit before eating it?
? Why should I wash vegetables?
- Yes, it's a good idea to wash fruit and vegetables before eating them.
~ Washing fruit and vegetables removes dirt and germs.
- Rinse them under cool running water.
- Scrub firm ones, like potatoes and carrots, with a brush.

== walk_mile
? How long does it take to walk one mile?
? How far can I walk in an hour?
- Most people walk a mile in about fifteen to twenty minutes.
~ At an easy pace, a mile takes about twenty minutes to walk.
- That means you can walk about three miles in an hour.
- A kilometer takes about ten to twelve minutes.

== speed_light
? What is the fastest thing?
? How fast is light?
- Light is the fastest thing there is.
~ Nothing travels faster than light.
- Light travels about 300,000 kilometers every second.
- Sunlight takes about eight minutes to reach the Earth.

== sound
? How does sound travel?
? Why can't sound travel in space?
? What is sound?
? How do we hear sounds?
- Sound travels as vibrations through air, water or solid things.
~ Sound is made of vibrations that move through the air to your ears.
- Your ears pick up these vibrations and your brain hears them as sound.
- Space is almost empty, so there is nothing to carry sound.

== echo
? What is an echo?
? Why do I hear an echo in a cave?
- An echo is a sound that bounces back to you.
~ You hear an echo when sound bounces off a hard surface, like a wall or a cliff.
- Big, hard places like caves and empty halls make strong echoes.

== rust
? Why does metal rust?
? What is rust?
- Rust is a reddish brown coating that forms on iron and steel.
~ Iron rusts when it touches water and air for a long time.
- Water and oxygen slowly change the metal.
- Paint and oil help keep metal from rusting.

== fire
? What does fire need to burn?
? How does fire work?
? How do I put out a small fire?
? Why is fire hot?
? What makes fire burn?
- Fire needs three things: heat, fuel and oxygen.
~ A fire needs fuel, heat and air to keep burning.
- Take away any one of them and the fire goes out.
- For a fire in a pan, put a lid on it and turn off the heat, and never use water on burning oil.
- If a fire is big, get out and call for help right away.

== money_history
? Why do we use money?
? What did people use before money?
- Money makes it easy to buy and sell things.
~ People use money so they don't have to trade one thing for another.
- Before money, people traded things, like grain for tools.
- The first coins were made thousands of years ago.

== internet
? What is the internet?
? How does the internet work?
- The internet is a huge network that connects computers all over the world.
~ The internet links computers together so they can share information.
- Information travels through cables, phone networks and radio signals.
- It lets us send messages, watch videos and look things up.

== calendar_week
? Why are there seven days in a week?
? Where do the names of the days come from?
- People have used seven day weeks for thousands of years.
~ The seven day week is very old, going back to ancient times.
- It may come from the seven bright objects people could see moving in the sky, like the sun and the moon.
- Sunday is named after the sun, and Monday after the moon.
""")

# More knowledge questions, in the same format as KNOWLEDGE.
more_blocks(KNOWLEDGE, """
== whiskers
? Why do cats have whiskers?
? What are a cat's whiskers for?
? Should I cut my cat's whiskers?
? Do cats need their whiskers?
- Cats use their whiskers to feel what is around them.
~ A cat's whiskers are like feelers that sense things nearby.
- Whiskers help a cat judge if it can fit through a gap.
- You should never cut a cat's whiskers.

== tail_wag
? Why do dogs wag their tails?
? Does a wagging tail mean a dog is happy?
- Dogs wag their tails to show how they feel.
~ A wagging tail is one way dogs talk with their bodies.
- A loose, wide wag usually means a happy dog.
- A stiff or slow wag can mean the dog is unsure, so look at the whole body.

== birds_fly
? How do birds fly?
? Why can birds fly?
? How do birds stay in the air?
- Birds fly by flapping their wings, which pushes air down and lifts them up.
~ Birds can fly because their wings push air and lift their light bodies.
- Birds have light, hollow bones.
- Strong chest muscles power their wings.

== birds_sing
? Why do birds sing?
? Why are birds so loud in the morning?
- Birds sing to call to mates and to tell other birds where their home is.
~ Birdsong is how birds talk, attract partners and mark their space.
- Many birds sing most in the early morning, when the air is calm and sound carries far.
- Each kind of bird has its own songs.

== fish_breathe
? How do fish breathe?
? Can fish breathe underwater?
? Do fish need air?
- Fish breathe with gills.
~ Fish take oxygen from the water using their gills.
- Water flows in through the mouth and out over the gills.
- The gills take the oxygen out of the water.

== zebra_stripes
? Why do zebras have stripes?
? What are zebra stripes for?
- Scientists think zebra stripes help keep biting flies away.
~ No one is completely sure, but stripes may confuse biting insects.
- The stripes may also help zebras stay cool.
- Every zebra's stripes are different, like a fingerprint.

== chameleon
? How do chameleons change color?
? Why do chameleons change color?
- Chameleons change color using special cells in their skin.
~ A chameleon's skin has tiny crystals that change how light bounces off it.
- They change color to show their mood, to warm up or cool down, and to talk to other chameleons.
- Hiding is only one of the reasons.

== caterpillar
? How does a caterpillar become a butterfly?
? What is metamorphosis?
- A caterpillar eats and grows, then makes a hard case around itself called a chrysalis.
~ A caterpillar turns into a butterfly through a change called metamorphosis.
- Inside the chrysalis, its body changes completely.
- After a few weeks, a butterfly comes out and dries its wings.

== hibernate
? Why do bears sleep all winter?
? What is hibernation?
? Which animals hibernate?
- Some animals hibernate, which means they rest deeply through the winter.
~ Hibernation is a long, deep rest that helps animals survive when food is hard to find.
- Their bodies slow down, so they use very little energy.
- Bats, hedgehogs and some ground squirrels hibernate, and bears have a long winter sleep.

== sweat
? Why do we sweat?
? What is sweat for?
- Sweating helps your body cool down.
~ We sweat to stay cool.
- When sweat dries on your skin, it takes heat away with it.
- That's why you sweat more when it's hot or when you exercise.

== shiver
? Why do we shiver when we're cold?
? Why do we get goosebumps?
- Shivering is your muscles moving quickly to make heat.
~ When you're cold, your body shivers to warm itself up.
- Goosebumps happen when tiny muscles pull your hairs up.
- In furry animals, this makes the fur puff up and keeps them warmer.

== drink_water_why
? Why do we need to drink water?
? What does water do in the body?
- Your body needs water to work well.
~ Water helps your body stay cool, move food along and carry what it needs to every part.
- You lose water when you breathe, sweat and go to the bathroom.
- Drinking water every day helps you feel and think better.

== ocean_blue
? Why is the ocean blue?
? What color is the sea really?
- The ocean looks blue mostly because water soaks up red light and leaves blue light.
~ Water takes in the red part of sunlight, so deep water looks blue.
- It also reflects some of the blue sky.
- Near the coast, sand and tiny plants can make the sea look green.

== airplanes
? How do airplanes fly?
? How does a plane stay in the air?
? Why don't planes fall out of the sky?
- Airplanes fly because their wings are shaped to push air down as the plane moves forward.
~ A plane's wings make lift, an upward push, when air flows over and under them.
- Engines push the plane forward fast enough for the wings to work.
- The faster the plane goes, the more lift the wings make.

== boats_float
? Why do boats float?
? How can a heavy ship float?
? How do boats stay on top of the water?
- A boat floats because it pushes aside a lot of water.
~ Boats float because the water pushes up on them.
- If the water pushed aside weighs as much as the boat, the boat floats.
- That's why big steel ships are shaped like wide, hollow bowls.

== popcorn_pop
? Why does popcorn pop?
? How does popcorn work?
? What makes popcorn kernels pop?
- Each popcorn kernel has a little water inside.
~ Popcorn pops because the water inside each kernel turns into steam.
- When it's heated, the water turns to steam and pushes on the hard shell.
- The shell bursts, and the soft inside puffs out.

== onions_cry
? Why do onions make you cry?
? Why do my eyes water when I cut onions?
- Cutting an onion lets out a gas that stings your eyes.
~ Onions release a gas when you cut them, and it makes your eyes water.
- Your eyes make tears to wash it away.
- Chilling the onion first and using a sharp knife helps.

== bread_rise
? Why does bread rise?
? What does yeast do?
? How does yeast make bread rise?
- Bread rises because of yeast.
~ Yeast, a tiny living thing, makes bread rise.
- Yeast eats sugar in the dough and gives off gas.
- The gas makes little bubbles that puff up the dough.

== ice_melt
? Why does ice melt?
? Why does salt melt ice?
- Ice melts when it gets warmer than 0 degrees Celsius.
~ Heat makes ice melt back into water.
- Salt lowers the temperature at which water freezes.
- That's why people put salt on icy roads.

== fridge
? How does a fridge work?
? Why is the fridge cold?
- A fridge moves heat from inside to outside.
~ A fridge stays cold by pumping heat out of the inside.
- A special liquid takes in heat as it turns into a gas inside the fridge.
- The heat comes out at the back, which is why it feels warm there.

== eclipse
? What is an eclipse?
? What is a solar eclipse?
? What is a lunar eclipse?
- An eclipse happens when one space object blocks light from another.
~ In an eclipse, the sun, the Earth and the moon line up.
- In a solar eclipse, the moon blocks the sun.
- In a lunar eclipse, the Earth's shadow falls on the moon.

== moon_made
? What is the moon made of?
? Can you walk on the moon?
? Is the moon made of cheese?
- The moon is made of rock and dust.
~ The moon is a big ball of rock covered in gray dust.
- It has no air and no liquid water on its surface.
- Twelve astronauts have walked on the moon.

== black_hole
? What is a black hole?
? Can light escape a black hole?
- A black hole is a place in space where gravity is so strong that nothing can escape, not even light.
~ A black hole is an area in space with very strong gravity.
- Black holes form when huge stars collapse.
- The closest ones are still very far away from Earth.

== grass_green
? Why is grass green?
? Why are most plants green?
? What makes grass green?
- Grass is green because of chlorophyll.
~ Plants look green because of a green substance called chlorophyll.
- Chlorophyll helps plants turn sunlight into food.
- It takes in red and blue light and reflects green.

== hot_air
? Why does hot air rise?
? How do hot air balloons fly?
- Hot air rises because it is lighter than the cooler air around it.
~ Warm air spreads out and becomes lighter, so it floats up.
- A hot air balloon heats the air inside it with a burner.
- The warm air makes the balloon lighter than the air outside, so it rises.

== compass_work
? How does a compass work?
? Why does a compass point north?
- A compass needle is a small magnet.
~ A compass works because the Earth acts like a giant magnet.
- The Earth's magnetic field pulls the needle so it points north and south.
- That helps people find their way.

== cat_feet
? Do cats always land on their feet?
? How do cats land on their feet?
- Cats are very good at twisting their bodies to land on their feet.
~ Cats have a strong sense of balance that helps them turn in the air.
- They have flexible backs.
- But falls can still hurt them, so keep windows safe.

== dogs_smell
? Why do dogs sniff everything?
? How good is a dog's nose?
- Dogs sniff to learn about the world.
~ A dog's nose is many times better than a person's.
- A sniff tells them who has been there and what happened.
- That's why walks with lots of sniffing make dogs happy.

== ants_food
? How do ants find food?
? How do ants talk to each other?
- Ants leave scent trails for other ants to follow.
~ Ants talk using smells called pheromones.
- When an ant finds food, it marks the path back home.
- Other ants follow the trail, and the path gets stronger.

== giraffe_neck
? Why do giraffes have long necks?
? How long is a giraffe's neck?
- Long necks help giraffes reach leaves high in the trees.
~ A giraffe's long neck lets it eat leaves other animals can't reach.
- Male giraffes also use their necks when they compete.
- A giraffe's neck has seven bones, the same number as a human neck.

== trees_old
? How long do trees live?
? What is the oldest tree?
? How can you tell how old a tree is?
- Many trees live for hundreds of years, and some live for thousands.
~ Some trees can live for thousands of years.
- You can count the rings inside a tree trunk to learn its age.
- Each ring usually means one year of growth.

== dreams
? Why do we dream?
? What are dreams?
? What do dreams mean?
? Does everyone dream?
- Dreams are stories and pictures your mind makes while you sleep.
~ Scientists are still learning why we dream.
- Dreaming may help the brain sort memories and feelings.
- Most dreams happen during a stage of sleep called REM sleep.

== fingerprints
? Why do we have fingerprints?
? Are fingerprints all different?
- Fingerprints help your fingers grip things.
~ The tiny ridges on your fingertips help you hold and feel things.
- No two people have the same fingerprints, not even twins.
- That's why fingerprints can identify a person.

== seeds_grow
? How does a seed grow into a plant?
? What's inside a seed?
- A seed has a tiny baby plant and some stored food inside.
~ When a seed gets water and warmth, the tiny plant inside starts to grow.
- First a root grows down, then a shoot grows up toward the light.
- Once it has leaves, it can make its own food from sunlight.

== flowers_smell
? Why do flowers smell nice?
? Why are flowers colorful?
- Flowers use smells and colors to attract bees, butterflies and birds.
~ Bright colors and sweet smells help flowers get visits from insects.
- The visitors carry pollen from flower to flower.
- That helps the plants make seeds.

== stomach_growl
? Why does my stomach growl?
? Why does my belly rumble?
? Why does my stomach make noises?
- Your stomach growls when muscles squeeze air and liquid through your gut.
~ The rumbling comes from your stomach and gut moving air and food along.
- It often happens when you're hungry, because your stomach is getting ready for food.
- It's completely normal.

== seasons_south
? Is it summer in Australia when it's winter in Canada?
? Why is Christmas in summer in Australia?
- Yes, the seasons are opposite in the northern and southern halves of the world.
~ When it's winter in the north, it's summer in the south.
- That's because of how the tilted Earth faces the sun.
- So in Australia, December is a summer month.
""")
# Still more knowledge questions, in the same format as KNOWLEDGE.
more_blocks(KNOWLEDGE, """
== spiders_webs
? How do spiders make webs?
? Why don't spiders get stuck in their webs?
? How do spiders spin webs?
- Spiders make silk inside their bodies and spin it into webs.
~ A spider spins its web from silk that comes out of its body.
- Some of the threads are sticky and some are not.
- Spiders walk on the dry threads and avoid the sticky ones.

== leaves_green_summer
? Why are leaves green?
? What do leaves do?
- Leaves are green because of chlorophyll.
~ Leaves are a plant's food factories.
- They catch sunlight and use it to make food for the plant.
- They also let out oxygen into the air.

== clouds_gray
? Why are some clouds gray?
? Why are storm clouds dark?
? Why do clouds turn dark before rain?
- Clouds look gray when they are thick and full of water.
~ Thick clouds block more sunlight, so they look dark from below.
- The more water drops a cloud holds, the less light gets through.
- Dark gray clouds often mean rain is on the way.

== rivers_flow
? Where do rivers start?
? Why do rivers flow?
? How do rivers begin?
- Rivers flow downhill because of gravity.
~ Most rivers start high up, in hills or mountains.
- They begin as springs, melting snow or rain.
- Small streams join together and grow into a river.

== mountains_form
? How are mountains made?
? How do mountains grow?
? How do mountains form?
- Most mountains form when huge plates of the Earth's crust push together.
~ Mountains are made when the Earth's crust is pushed up over millions of years.
- The rock bends and folds upward.
- Some mountains, like volcanoes, form from melted rock that piles up.

== deserts_cold
? Are all deserts hot?
? Why are deserts so dry?
? Can a desert be cold?
- No, not all deserts are hot.
~ A desert is any very dry place, so some deserts are cold.
- Deserts get very little rain or snow.
- Antarctica is a cold desert.

== stars_count
? How many stars are there?
? How many stars can you see at night?
? Can we count the stars?
- There are more stars than anyone can count.
~ Scientists think there are billions of stars in our galaxy alone.
- On a clear, dark night, you can see a few thousand with your eyes.
- In a city, lights make it hard to see many stars.

== shooting_star
? What is a shooting star?
? Are shooting stars real stars?
? What are meteors?
- A shooting star is not a star at all.
~ A shooting star is a small piece of space rock burning up in the air.
- It's usually a tiny bit of rock or dust from space.
- It burns up high in the sky and makes a bright streak of light.

== why_salt
? Why do we put salt on food?
? Is salt bad for you?
- Salt brings out the flavor of food.
~ Salt makes food taste better and helps keep some foods fresh.
- Your body needs a little salt to work well.
- Too much salt isn't healthy, so use it in small amounts.

== food_spoil
? Why does food go bad?
? Why do we keep food in the fridge?
? Why does bread get moldy?
- Food goes bad because tiny living things, like bacteria and mold, grow on it.
~ Germs and mold grow on food over time, which makes it spoil.
- They grow faster when it's warm.
- A fridge keeps food cold, which slows them down.

== teeth_lose
? Why do kids lose their teeth?
? When do children lose baby teeth?
? Why do baby teeth fall out?
- Kids lose their baby teeth to make room for bigger adult teeth.
~ Baby teeth fall out so that bigger, stronger adult teeth can grow in.
- Most children start losing teeth around age six.
- Adults have thirty two teeth, and children have twenty baby teeth.

== blood_red
? Why is blood red?
? What does blood do?
- Blood is red because of something called hemoglobin.
~ Your blood carries oxygen all around your body.
- Hemoglobin has iron in it and carries oxygen.
- Blood also carries food to your cells and takes away waste.

== muscles_grow
? How do muscles get stronger?
? Why do my muscles hurt after exercise?
- Muscles get stronger when you use them and then let them rest.
~ Exercise makes tiny changes in your muscles, and they rebuild stronger.
- That's why rest days are important.
- Sore muscles after a workout are normal and usually go away in a few days.

== eyes_see
? How do our eyes work?
? Why do people need glasses?
- Your eyes let in light, which makes a picture at the back of the eye.
~ Light enters your eye, and the back of the eye sends a picture to your brain.
- Your brain turns that picture into what you see.
- Glasses help when the eye doesn't focus the light just right.

== ears_hear
? How do we hear?
? Why do my ears pop on a plane?
? How do ears work?
- Sounds travel into your ear and make your eardrum shake.
~ Your ears catch sound waves, and your brain turns them into sounds.
- Tiny bones and a fluid inside the ear pass the shaking along to your brain.
- Your ears pop on a plane because the air pressure changes, and swallowing helps.
""")
# ---------------------------------------------------------------------------
# Data: definitions ("What is a volcano?")
# columns: the thing with its article ('gravity', 'a volcano', 'an island') |
#          sentences, the first one defines it
# ---------------------------------------------------------------------------

DEFINITIONS = table("""
a volcano | A volcano is a mountain or opening in the ground where hot melted rock comes out. ; The melted rock is called lava. ; Some volcanoes have not erupted for thousands of years.
an island | An island is a piece of land with water all around it. ; Some islands are tiny, and some are as big as countries. ; Greenland is the biggest island in the world.
a desert | A desert is a place that gets very little rain. ; Many deserts are hot and sandy, but some are cold. ; Plants like cactuses can live in deserts because they store water.
a forest | A forest is a large area covered with trees. ; Forests are home to many animals and plants. ; Forests help clean the air.
a rain forest | A rain forest is a thick forest where it rains almost every day. ; Rain forests are home to more kinds of plants and animals than anywhere else. ; The Amazon is the biggest rain forest.
a river | A river is a large stream of water that flows across the land. ; Most rivers flow into a lake or the sea. ; Rivers give water to people, animals and farms.
a lake | A lake is a large body of water with land all around it. ; Most lakes have fresh water, not salt water.
an ocean | An ocean is a huge body of salt water. ; Oceans cover most of the Earth. ; There are five oceans, and the Pacific is the biggest.
a mountain | A mountain is a very high hill with steep sides. ; The top of a mountain is called the peak. ; It is often cold and snowy at the top of tall mountains.
a glacier | A glacier is a huge, slow river of ice. ; Glaciers form where more snow falls than melts. ; They move very slowly downhill.
a cave | A cave is a big hole in the side of a hill or under the ground. ; Many caves are made by water slowly wearing away rock. ; Bats often live in caves.
a waterfall | A waterfall is a place where a river falls over a steep edge. ; Some waterfalls are small, and some are very tall and loud.
a beach | A beach is the strip of sand or stones along the edge of the sea or a lake. ; People go to beaches to swim, play and relax.
a canyon | A canyon is a deep valley with steep sides. ; Rivers carve canyons slowly over a very long time. ; The Grand Canyon is a famous canyon in the United States.
a valley | A valley is low land between hills or mountains. ; Many valleys have a river running through them.
a continent | A continent is one of the very large areas of land on Earth. ; There are seven continents, and Asia is the biggest.
a country | A country is an area of land with its own government and borders. ; There are about two hundred countries in the world.
a city | A city is a large town where many people live and work. ; Cities have lots of buildings, roads and shops.
a village | A village is a small group of houses in the countryside. ; A village is smaller than a town.
a capital | A capital is the city where a country's government is based. ; For example, Paris is the capital of France.
a map | A map is a drawing of a place that shows where things are. ; Maps show roads, rivers, towns and more. ; Most maps have north at the top.
a compass | A compass is a tool that shows which way is north. ; It has a needle that is a small magnet.
a planet | A planet is a large, round object that travels around a star. ; Earth is a planet that travels around the sun. ; There are eight planets in our solar system.
a star | A star is a huge ball of hot, glowing gas in space. ; The sun is a star. ; Stars look tiny because they are very far away.
a moon | A moon is a natural object that travels around a planet. ; Earth has one moon. ; Some planets, like Jupiter and Saturn, have many moons.
a comet | A comet is a ball of ice and dust that travels around the sun. ; When it comes close to the sun, it grows a long, glowing tail.
an astronaut | An astronaut is a person who travels into space. ; Astronauts train for years before they fly.
a telescope | A telescope is a tool that makes faraway things look closer. ; People use telescopes to look at the moon, planets and stars.
a microscope | A microscope is a tool that makes very small things look much bigger. ; Scientists use microscopes to see tiny things, like germs and cells.
a galaxy | A galaxy is a huge group of billions of stars. ; Our galaxy is called the Milky Way.
the solar system | The solar system is the sun and everything that travels around it. ; It includes eight planets, their moons, and many comets and asteroids.
gravity | Gravity is the force that pulls things toward each other. ; It is what makes things fall to the ground. ; Gravity keeps the moon going around the Earth.
oxygen | Oxygen is a gas in the air that people and animals need to breathe. ; Plants give off oxygen. ; Fire also needs oxygen to burn.
electricity | Electricity is a kind of energy that flows through wires. ; It powers lights, computers and many machines.
energy | Energy is what makes things move, grow, light up or warm up. ; Food gives your body energy. ; The sun gives the Earth energy as light and heat.
a magnet | A magnet is an object that pulls iron and steel toward it. ; Every magnet has a north end and a south end.
weather | Weather is what the air outside is like, such as sunny, rainy, windy or cold. ; Weather can change from hour to hour.
climate | Climate is the usual weather of a place over many years. ; For example, deserts have a dry climate.
a hurricane | A hurricane is a huge storm with very strong winds and heavy rain. ; Hurricanes form over warm oceans. ; They spin around a calm center called the eye.
a tornado | A tornado is a fast, spinning column of air that reaches down from a storm cloud to the ground. ; Tornadoes can be very dangerous.
fog | Fog is a cloud that sits very low, close to the ground. ; Fog makes it hard to see far.
dew | Dew is the tiny drops of water you find on grass in the morning. ; It forms when the air cools at night.
a season | A season is one of the four parts of the year: spring, summer, fall and winter. ; Each season has its own kind of weather.
a thermometer | A thermometer is a tool that measures temperature. ; It tells you how hot or cold something is.
temperature | Temperature is how hot or cold something is. ; It is measured in degrees Celsius or Fahrenheit.
a mammal | A mammal is an animal that breathes air and feeds its babies milk. ; Most mammals have hair or fur. ; Dogs, cats, whales and people are all mammals.
a reptile | A reptile is an animal with dry, scaly skin that usually lays eggs. ; Snakes, lizards, turtles and crocodiles are reptiles.
an amphibian | An amphibian is an animal that usually starts life in water and later lives on land too. ; Frogs, toads and salamanders are amphibians.
an insect | An insect is a small animal with six legs and three body parts. ; Ants, bees and butterflies are insects.
a predator | A predator is an animal that hunts other animals for food. ; Lions, sharks and owls are predators.
a herbivore | A herbivore is an animal that eats only plants. ; Cows, rabbits and elephants are herbivores.
a carnivore | A carnivore is an animal that eats mostly meat. ; Lions and tigers are carnivores.
an omnivore | An omnivore is an animal that eats both plants and meat. ; Bears and people are omnivores.
a habitat | A habitat is the natural home of a plant or an animal. ; A habitat gives it food, water and shelter.
a nest | A nest is a home that birds and some other animals build. ; Birds lay their eggs in nests.
a fossil | A fossil is what is left of a plant or animal that lived long ago, kept in rock. ; We learn about dinosaurs from fossils.
a dinosaur | A dinosaur was a reptile that lived millions of years ago. ; Some dinosaurs were huge, and some were as small as chickens. ; Birds are the living relatives of dinosaurs.
a seed | A seed is the small part of a plant that can grow into a new plant. ; Seeds need water, warmth and soil to grow.
a root | A root is the part of a plant that grows under the ground. ; Roots hold the plant in place and take in water.
pollen | Pollen is a fine yellow powder made by flowers. ; Bees carry pollen from flower to flower, which helps plants make seeds.
a vegetable | A vegetable is a part of a plant that people eat, like a leaf, a root or a stem. ; Carrots, spinach and potatoes are vegetables.
a fruit | A fruit is the part of a plant that holds the seeds. ; Apples, oranges and berries are fruits. ; Tomatoes and cucumbers are fruits too, even though we cook them like vegetables.
a vitamin | A vitamin is something in food that your body needs to stay healthy. ; Fruits and vegetables have lots of vitamins.
protein | Protein is a part of food that helps your body grow and repair itself. ; Eggs, beans, fish, meat and nuts have lots of protein.
a calorie | A calorie is a way of measuring the energy in food. ; Your body uses calories to move, think and stay warm.
a recipe | A recipe is a set of instructions for cooking a dish. ; It lists the ingredients and the steps.
an ingredient | An ingredient is one of the foods you mix to make a dish. ; Flour, eggs and milk are ingredients in pancakes.
a restaurant | A restaurant is a place where you pay to eat a meal. ; A cook makes the food, and a waiter brings it to you.
a picnic | A picnic is a meal you eat outside, often in a park. ; People bring food in a basket and sit on a blanket.
breakfast | Breakfast is the first meal of the day. ; Its name means breaking the fast of the night.
a vacation | A vacation is time off from work or school, often spent traveling or relaxing.
a passport | A passport is an official document that lets you travel to other countries. ; It has your photo, name and date of birth.
a museum | A museum is a building where interesting things are kept and shown to the public. ; Museums have art, history, science and much more.
a library | A library is a place where you can borrow books for free. ; Many libraries also have computers, movies and quiet places to study.
a hospital | A hospital is a place where sick or hurt people get care from doctors and nurses.
a bank | A bank is a business that keeps money safe and lends money. ; You can save money in a bank account.
a budget | A budget is a plan for how to spend and save your money.
a job | A job is the work a person does, usually to earn money.
a hobby | A hobby is something you do for fun in your free time. ; Reading, painting and gardening are popular hobbies.
a holiday | A holiday is a special day when people celebrate or take time off. ; Some holidays have special food and traditions.
a birthday | A birthday is the day each year when a person was born. ; Many people celebrate with cake and friends.
a family | A family is a group of people who are related or who live together and care for each other.
a friend | A friend is someone you like and trust and enjoy spending time with.
a neighbor | A neighbor is someone who lives near you.
a cousin | A cousin is the child of your aunt or uncle.
a niece | A niece is the daughter of your brother or sister.
a nephew | A nephew is the son of your brother or sister.
an orchestra | An orchestra is a large group of musicians who play together. ; It has string, wind, brass and percussion instruments.
a choir | A choir is a group of people who sing together.
a song | A song is a short piece of music with words that people sing.
a poem | A poem is a piece of writing that uses rhythm and chosen words to share feelings or ideas. ; Some poems rhyme and some don't.
a novel | A novel is a long story written in a book. ; Novels have characters, places and a plot.
a dictionary | A dictionary is a book or app that lists words and tells you what they mean.
an alphabet | An alphabet is the set of letters used to write a language. ; The English alphabet has 26 letters.
a vowel | A vowel is one of the letters a, e, i, o and u. ; Sometimes the letter y works as a vowel too.
a noun | A noun is a word for a person, place or thing. ; Cat, city and teacher are nouns.
a verb | A verb is an action word, like run, jump or eat.
an adjective | An adjective is a word that describes something, like big, red or happy.
a sentence | A sentence is a group of words that makes a complete thought. ; It starts with a capital letter and ends with a period, a question mark or an exclamation mark.
a number | A number is used to count or measure things. ; One, two and three are numbers.
an even number | An even number is a number you can split into two equal groups, like 2, 4, 6 and 8. ; Even numbers end in 0, 2, 4, 6 or 8.
an odd number | An odd number is a number that can't be split into two equal groups. ; Odd numbers end in 1, 3, 5, 7 or 9.
a fraction | A fraction is a part of a whole, like one half or one quarter. ; If you cut a pizza into four equal pieces, each piece is one quarter.
a circle | A circle is a perfectly round shape. ; Every point on a circle is the same distance from the center.
a triangle | A triangle is a shape with three sides and three corners.
a square | A square is a shape with four equal sides and four square corners.
a clock | A clock is a tool that shows the time. ; It has numbers from 1 to 12 and two hands, or a digital display.
a calendar | A calendar shows the days, weeks and months of the year.
a week | A week is seven days long. ; The days are Monday, Tuesday, Wednesday, Thursday, Friday, Saturday and Sunday.
a month | A month is one of the twelve parts of the year. ; Most months have 30 or 31 days.
a year | A year is the time it takes the Earth to go around the sun once. ; A year has 365 days, or 366 in a leap year.
a century | A century is one hundred years.
a computer | A computer is a machine that stores information and follows instructions. ; People use computers to write, play games and look things up.
the internet | The internet is a huge network that connects computers all over the world.
an email | An email is a message you send from one computer or phone to another.
a robot | A robot is a machine that can do jobs by itself. ; Some robots build cars, and some clean floors.
a battery | A battery is a small store of electricity. ; Batteries power phones, toys and flashlights.
a bridge | A bridge is a structure that lets people cross over a river, a road or a valley.
a tunnel | A tunnel is a passage that goes under the ground or through a mountain.
a lighthouse | A lighthouse is a tall tower with a bright light that helps ships find their way at night.
a castle | A castle is a large, strong building from long ago, with thick walls and towers. ; Kings, queens and knights lived in castles.
a pyramid | A pyramid is a shape with a square base and four triangle sides that meet at a point. ; The ancient Egyptians built huge stone pyramids.
a farm | A farm is land where people grow crops or raise animals for food.
a garden | A garden is a piece of land where people grow flowers, plants or vegetables.
a zoo | A zoo is a place where wild animals are kept so people can see and learn about them.
an airport | An airport is a place where airplanes take off and land.
a train | A train is a line of connected cars that runs on rails. ; Trains carry people and goods.
a bicycle | A bicycle is a vehicle with two wheels that you ride by pushing pedals.
a helmet | A helmet is a hard hat that protects your head.
an umbrella | An umbrella is a folding cover on a stick that keeps the rain off you.
soap | Soap is something you use with water to wash away dirt and germs.
a habit | A habit is something you do so often that you do it without thinking. ; Brushing your teeth every day is a good habit.
exercise | Exercise is moving your body to stay strong and healthy. ; Walking, running, swimming and dancing are all exercise.
a muscle | A muscle is a part of your body that tightens and relaxes to make you move. ; Your heart is a muscle too.
a skeleton | A skeleton is all the bones in a body together. ; It holds you up and protects your organs.
a germ | A germ is a tiny living thing that can make you sick. ; Washing your hands gets rid of many germs.
a fever | A fever is when your body is hotter than normal, often because you are sick.
an allergy | An allergy is when your body reacts badly to something that is harmless to most people, like pollen or nuts.
a vaccine | A vaccine is a medicine that teaches your body to fight a disease before you catch it.
a dentist | A dentist is a doctor who looks after teeth.
an emotion | An emotion is a feeling, like happiness, sadness, anger or fear.
kindness | Kindness is being friendly, caring and helpful to others.
patience | Patience is being able to wait calmly without getting upset.
courage | Courage is being brave even when you feel scared.
a goal | A goal is something you want to achieve. ; It helps to break big goals into small steps.
a team | A team is a group of people who work or play together.
an election | An election is when people vote to choose their leaders.
a government | A government is the group of people who run a country, a state or a city.
a law | A law is a rule that everyone in a country must follow.
history | History is the study of what happened in the past.
science | Science is the study of how the world works, by watching, asking questions and testing ideas.
math | Math is the study of numbers, shapes and patterns. ; People use math for shopping, cooking, building and much more.
geography | Geography is the study of the Earth's places, land, water and people.
art | Art is something people make to show ideas or feelings, like paintings, music or sculptures.
music | Music is sounds put together in a way that is pleasant or moving to hear.
a rhythm | A rhythm is a regular pattern of beats in music.
a melody | A melody is a tune, a line of notes that goes up and down.
a movie | A movie is a story told with moving pictures and sound.
a cartoon | A cartoon is a drawing, or an animated show made from drawings.
a camera | A camera is a device that takes photos or videos.
a photograph | A photograph is a picture taken with a camera.
a newspaper | A newspaper is a set of printed pages with news, stories and pictures.
a recycling bin | A recycling bin is a container for things like paper, glass and cans that can be made into new things.
recycling | Recycling is turning used things, like paper, glass and cans, into new things. ; It saves resources and cuts down on waste.
pollution | Pollution is dirt or harmful things in the air, water or land. ; Cars, factories and litter can cause pollution.
a rainbow | A rainbow is an arch of colors in the sky. ; It forms when sunlight shines through raindrops.
a shadow | A shadow is a dark shape made when something blocks the light. ; Shadows are longest in the early morning and late afternoon.
an echo | An echo is a sound that bounces back off a hard surface.
a thunderstorm | A thunderstorm is a storm with thunder, lightning and usually heavy rain.
an earthquake | An earthquake is a sudden shaking of the ground. ; It happens when huge plates of rock under the ground move.
a tsunami | A tsunami is a series of giant waves, usually caused by an earthquake under the sea.
a peninsula | A peninsula is land with water on three sides. ; Italy and Florida are peninsulas.
a harbor | A harbor is a sheltered area of water where boats and ships can stay safe. ; Many cities grew up around harbors.
a swamp | A swamp is wet, soggy land that is often covered with shallow water. ; Frogs, birds and alligators live in swamps.
a meadow | A meadow is a field of grass and wildflowers. ; Bees and butterflies love meadows.
a cliff | A cliff is a high, steep wall of rock. ; Many cliffs are found along the coast.
a hill | A hill is land that rises above the area around it, but is lower than a mountain.
a pond | A pond is a small body of still water. ; Ponds are home to frogs, ducks and insects.
a stream | A stream is a small, narrow river.
a coral reef | A coral reef is a colorful underwater structure made by tiny sea animals called corals. ; Reefs are home to many kinds of fish.
the Arctic | The Arctic is the icy area around the North Pole. ; Polar bears, seals and arctic foxes live there.
a satellite | A satellite is an object that travels around a planet. ; The moon is a natural satellite, and people also send machines into space as satellites.
an asteroid | An asteroid is a rocky object that travels around the sun. ; Most asteroids are found between Mars and Jupiter.
a rocket | A rocket is a vehicle that pushes out hot gas to fly very fast, even into space.
an orbit | An orbit is the curved path an object takes around a star or a planet. ; The Earth's orbit around the sun takes one year.
a light year | A light year is the distance light travels in one year. ; It is used to measure the huge distances between stars.
an atom | An atom is a tiny building block of everything around us. ; Atoms are far too small to see, even with a normal microscope.
a cell | A cell is the smallest living part of a plant or an animal. ; Your body is made of trillions of cells.
a gas | A gas is a form of matter that spreads out to fill any space, like air or steam.
a liquid | A liquid is a form of matter that flows and takes the shape of its container, like water or milk.
a solid | A solid is a form of matter that keeps its shape, like a rock or an ice cube.
evaporation | Evaporation is when a liquid turns into a gas. ; Puddles dry up on sunny days because of evaporation.
friction | Friction is a force that slows things down when they rub together. ; It helps your shoes grip the ground.
a lever | A lever is a simple machine, like a bar resting on a point, that helps you lift heavy things. ; A seesaw is a kind of lever.
a wheel | A wheel is a round object that turns on an axle. ; Wheels make it much easier to move heavy loads.
an eruption | An eruption is when a volcano sends out lava, ash and gas.
a thermos | A thermos is a bottle that keeps drinks hot or cold for hours.
an oven | An oven is a box that heats food to bake or roast it.
a blender | A blender is a kitchen machine with spinning blades that mixes and chops food.
a vegetarian | A vegetarian is a person who doesn't eat meat or fish. ; Many vegetarians eat eggs and dairy foods.
a vegan | A vegan is a person who eats no food that comes from animals. ; That means no meat, fish, eggs or dairy.
a snack | A snack is a small amount of food eaten between meals.
dessert | Dessert is a sweet food eaten at the end of a meal. ; Cake, fruit and ice cream are popular desserts.
a spice | A spice is a part of a plant, like a seed, bark or root, used to add flavor to food. ; Pepper, cinnamon and ginger are spices.
an herb | An herb is a plant whose leaves are used to add flavor to food. ; Basil, mint and parsley are herbs.
a journey | A journey is a trip from one place to another, often a long one.
a tourist | A tourist is a person who visits a place for fun.
a suitcase | A suitcase is a bag with a handle for carrying clothes when you travel.
a ticket | A ticket is a piece of paper or a code that shows you paid to travel or to get in somewhere.
a salary | A salary is the money a person is paid for their job, usually every month.
an interview | An interview is a meeting where someone asks you questions, for example for a job.
a manager | A manager is a person who leads a team at work.
a customer | A customer is a person who buys something from a shop or a business.
a classroom | A classroom is a room where students have lessons.
homework | Homework is school work that students do at home.
an exam | An exam is a test that shows what you have learned.
a uniform | A uniform is a set of clothes that everyone in a group wears, like at some schools or jobs.
a sibling | A sibling is a brother or a sister.
a twin | A twin is one of two children born to the same mother at the same time.
a grandparent | A grandparent is the mother or father of one of your parents.
a pet | A pet is an animal that lives with people and is cared for by them. ; Dogs, cats and fish are popular pets.
a veterinarian | A veterinarian, or vet, is a doctor for animals.
a leash | A leash is a strap or rope used to walk a dog.
a kennel | A kennel is a small house or shelter for a dog.
a marathon | A marathon is a running race that is about 42 kilometers, or 26 miles, long.
a referee | A referee is the person who makes sure players follow the rules in a game.
a goalkeeper | A goalkeeper is the player who guards the goal, in sports like soccer and hockey.
a concert | A concert is a show where musicians play music for an audience.
a band | A band is a group of musicians who play together.
a chorus | A chorus is the part of a song that repeats, often between the verses.
a painting | A painting is a picture made with paint.
a sculpture | A sculpture is a work of art made by shaping stone, wood, metal or clay.
a festival | A festival is a special time of celebration, often with music, food and events.
a parade | A parade is a group of people marching or riding through the streets to celebrate.
a recipe book | A recipe book is a book full of instructions for cooking dishes.
""", ["thing", "says*"])

# ---------------------------------------------------------------------------
# Data: favorites. The assistant has no real favorites, but picks one and
# says why. Block key: the category as in "What's your favorite ...?";
# '-' lines are "item | why".
# ---------------------------------------------------------------------------

FAVORITES = blocks("""
== food
- pizza | Pizza is warm and cheesy, and everyone can choose their own toppings.
- pasta | Pasta is simple, filling and goes with so many sauces.
- soup | A warm bowl of soup is comforting on a cold day.
- fresh bread | Fresh bread with a crispy crust is hard to beat.
- tacos | Tacos are fun to eat and full of flavor.
- fried rice | Fried rice is quick, tasty and a great way to use leftovers.
- a big salad | A fresh salad with lots of colors feels healthy and bright.
- pancakes | Pancakes make any morning feel like a weekend.
- curry | Curry is warm, spicy and full of flavor.
- noodles | Noodles are quick to make and can go in soups or stir fries.
== fruit
- mangoes | Mangoes are sweet, juicy and taste like summer.
- strawberries | Strawberries are sweet and bright red.
- apples | Apples are crisp, sweet and easy to carry.
- bananas | Bananas are sweet, soft and easy to eat on the go.
- watermelon | Watermelon is so refreshing on a hot day.
- blueberries | Blueberries are tiny, sweet and full of vitamins.
- peaches | A ripe peach is soft, sweet and juicy.
- oranges | Oranges are juicy and full of vitamin C.
== vegetable
- carrots | Carrots are sweet, crunchy and bright orange.
- broccoli | Broccoli looks like tiny trees and is full of vitamins.
- sweet potatoes | Sweet potatoes are sweet and soft when they are roasted.
- corn | Sweet corn on the cob is a summer treat.
- peas | Peas are small, sweet and bright green.
- spinach | Spinach is mild and goes into almost anything.
== dessert
- chocolate cake | Chocolate cake is rich and perfect for celebrations.
- ice cream | Ice cream is cold, creamy and comes in so many flavors.
- apple pie | Apple pie is warm, sweet and smells wonderful.
- cookies | Cookies are simple, sweet and great to share.
- fruit salad | Fruit salad is sweet, fresh and colorful.
- cheesecake | Cheesecake is creamy and rich.
== drink
- water | Water is simple, fresh and good for you.
- tea | A warm cup of tea is calming.
- lemonade | Lemonade is sweet, sour and refreshing.
- hot chocolate | Hot chocolate is cozy on a cold day.
- orange juice | Orange juice is bright and fresh at breakfast.
- a fruit smoothie | A smoothie is cold, sweet and full of fruit.
== color
- blue | Blue reminds many people of the sky and the sea.
- green | Green is the color of leaves, grass and fresh things.
- yellow | Yellow is bright and cheerful, like sunshine.
- purple | Purple is a rich color that feels a little magical.
- orange | Orange is warm and full of energy, like a sunset.
- red | Red is bold and full of energy.
- teal | Teal is a calm mix of blue and green.
== animal
- dogs | Dogs are loyal, friendly and always happy to see you.
- cats | Cats are calm, curious and fun to watch.
- dolphins | Dolphins are smart and playful.
- elephants | Elephants are gentle giants with great memories.
- owls | Owls are quiet, wise looking and great hunters.
- penguins | Penguins waddle on land but are amazing swimmers.
- otters | Otters are playful and clever.
- horses | Horses are strong, fast and beautiful.
== season
- spring | Spring brings flowers, longer days and fresh green leaves.
- summer | Summer has long, warm days that are perfect for being outside.
- fall | In the fall the leaves turn red and gold, and the air feels crisp.
- winter | Winter has snow, warm drinks and cozy evenings.
== day of the week
- Friday | Friday means the weekend is almost here.
- Saturday | Saturday is free time with the whole weekend ahead.
- Sunday | Sunday is calm and good for resting.
- Wednesday | Wednesday is the middle of the week, so the weekend gets closer.
== sport
- soccer | Soccer is fast, exciting and played all over the world.
- basketball | Basketball is quick and full of action.
- tennis | Tennis takes skill, speed and good focus.
- swimming | Swimming works your whole body and is great in summer.
- cycling | Cycling lets you see places while you exercise.
- volleyball | Volleyball is fun with friends, especially on a beach.
== book genre
- mysteries | Mysteries are fun because you try to solve the puzzle.
- adventure stories | Adventure stories take you on exciting journeys.
- fantasy | Fantasy books are full of magic and new worlds.
- science fiction | Science fiction makes you imagine the future.
- biographies | Biographies tell real stories about interesting lives.
== kind of music
- jazz | Jazz is lively and full of surprises.
- classical music | Classical music can be calm or very exciting.
- pop | Pop songs are catchy and fun to sing along to.
- folk music | Folk songs tell stories from long ago.
- rock | Rock music has lots of energy.
== kind of movie
- comedies | Comedies make you laugh.
- animated movies | Animated movies are colorful and fun for all ages.
- mysteries | Mysteries keep you guessing until the end.
- documentaries | Documentaries teach you about the real world.
- adventure movies | Adventure movies are exciting and full of action.
== holiday
- New Year | New Year is a fresh start with hopes and plans.
- birthdays | Birthdays are a day to celebrate someone special.
- summer vacation | Summer vacation means free time and sunshine.
- Thanksgiving | Thanksgiving is about sharing a meal and being thankful.
== place to visit
- the beach | The beach has sun, sand and the sound of waves.
- the mountains | The mountains have fresh air and beautiful views.
- a quiet forest | A forest is calm, green and full of birdsong.
- a big city | A big city has museums, food and lots to see.
- a library | A library is quiet and full of stories.
== weather
- sunny days | Sunny days are bright and make people smile.
- a light rain | A light rain sounds calming and makes everything fresh.
- snowy days | Snow makes the world quiet and white.
- cool fall days | Cool fall days are crisp and comfortable.
== number
- seven | Seven shows up everywhere, like the days of the week and the colors of the rainbow.
- three | Three is a nice number, like the beginning, middle and end of a story.
- twelve | Twelve is handy, because you can split it into halves, thirds and quarters.
== flower
- sunflowers | Sunflowers are tall and bright and turn toward the sun.
- roses | Roses smell lovely and come in many colors.
- tulips | Tulips are simple and colorful.
- daisies | Daisies are small, white and cheerful.
- lavender | Lavender smells calming.
== smell
- fresh bread | Fresh bread smells warm and comforting.
- rain | The smell after rain is fresh and earthy.
- coffee | Fresh coffee smells rich and wakes you up.
- flowers | Flowers in spring smell sweet.
- cut grass | Cut grass smells like summer.
== time of day
- the morning | The morning is fresh and full of possibilities.
- sunset | Sunset paints the sky with beautiful colors.
- the evening | The evening is a calm time to relax.
== meal
- breakfast | Breakfast gives you energy for the day.
- dinner | Dinner is a nice time to sit down together.
- lunch | Lunch is a welcome break in the middle of the day.
== game
- chess | Chess makes you think ahead.
- cards | Card games are easy to carry and fun with friends.
- board games | Board games are a fun way to spend time together.
- hide and seek | Hide and seek is simple and fun for all ages.
== subject
- science | Science explains how the world works.
- math | Math is like solving puzzles.
- history | History is full of amazing true stories.
- art | Art lets you be creative.
- reading | Reading takes you to new places.
- music | Music is fun to learn and share.
== instrument
- the piano | The piano can play tunes and chords at the same time.
- the guitar | The guitar is easy to carry and great for singing along.
- the violin | The violin has a beautiful, singing sound.
- the drums | The drums are full of energy and rhythm.
== ice cream flavor
- vanilla | Vanilla is simple and goes with everything.
- chocolate | Chocolate ice cream is rich and sweet.
- strawberry | Strawberry ice cream is fruity and fresh.
- mint chocolate chip | Mint chocolate chip is cool and refreshing.
""")

# ---------------------------------------------------------------------------
# Data: everyday chat about life, family, work, school, shopping, travel,
# pets, health and plans. A reply is one '-' line, sometimes with one '+'.
# ---------------------------------------------------------------------------

CHAT = blocks("""
== weekend
? What should I do this weekend?
? Any ideas for the weekend?
? I have a free weekend. Ideas?
? What's a fun thing to do on Saturday?
? How should I spend my Sunday?
? I don't know what to do this weekend.
? Any fun plans I could make for the weekend?
? What's a good way to spend a Saturday?
? We have nothing planned this weekend.
- You could go for a hike or a long walk somewhere new.
- How about a picnic in the park with a friend?
- You could visit a museum or a market you haven't been to.
- Try cooking something new, then invite a friend to share it.
- A lazy morning with a good book and a long walk in the afternoon sounds nice.
- You could ride your bike to a nearby town or lake.
+ The most important thing is to rest and have fun.
+ What kind of things do you enjoy?
+ Check the weather first, so you can plan inside or outside.

== rainy_day
? What can I do on a rainy day?
? It's raining and I'm stuck inside.
? Rainy day ideas?
? What can the kids do when it rains?
? What should I do inside today?
? It's a gray, wet day. Any ideas?
- Rainy days are great for board games, puzzles and movies.
- You could bake cookies or try a new recipe.
- Build a blanket fort and read inside it.
- It's a good day to draw, paint or write a story.
- You could tidy a room and listen to music or a podcast.
+ A cup of tea makes a rainy day cozy.
+ If you have boots and a raincoat, a walk in the rain can be fun too.

== movie_tonight
? What movie should I watch tonight?
? Can you recommend a movie?
? What's a good movie for tonight?
? I want to watch a movie. Any ideas?
? What should we watch for family movie night?
? Any movie ideas for a date night?
? What should I watch with my kids?
- It depends on your mood. A comedy is great if you want to laugh.
- For a cozy night, an animated movie is fun for all ages.
- If you want something exciting, try an adventure movie.
- A mystery is fun if you like guessing what happens next.
- A nature documentary can be relaxing and interesting.
+ Don't forget the snacks!
+ What kind of movies do you usually like?

== book_recommend
? Can you recommend a book?
? What book should I read?
? I want to read something new.
? What's a good book for a beginner reader?
? Any book ideas?
? What should I read next?
? I finished my book. What now?
- Think about what you enjoy. If you like puzzles, try a mystery.
- An adventure story is a fun choice if you want something exciting.
- If you like real life, a biography can be fascinating.
- Short stories are great if you don't have much time.
- Ask a librarian, because they are great at finding the right book.
+ What kinds of stories do you like?
+ Your local library is a great place to start.

== cat_or_dog
? Should I get a cat or a dog?
? Is a dog or a cat better?
? Cats or dogs?
? What pet is best for me?
? What's a good first pet?
? Are cats easier than dogs?
? Which pet is better for an apartment?
- Both are wonderful. Dogs need walks and lots of attention, while cats are more independent.
- It depends on your home and your time. A dog needs daily walks, and a cat is happy with less.
- If you're away a lot, a cat may suit you better. If you love being outdoors, a dog is a great buddy.
- For a first pet, fish or a small animal like a hamster can be a good start.
- In a small apartment, a cat or a small animal is often easier than a big dog.
+ Think about how much time and space you have.
+ Do you have a yard?
+ Visiting a shelter is a great way to meet pets that need a home.

== pet_name
? What should I name my dog?
? I got a new kitten. What should I call her?
? Help me pick a name for my puppy.
? What's a good name for a cat?
? I need a name for my hamster.
? Any cute names for a rabbit?
? What should I call my new fish?
- How about Max, Luna, Charlie or Daisy?
- You could name it after a food, like Pepper, Cookie or Peanut.
- Names based on color are cute, like Snow, Ginger or Smoky.
- Short names with one or two sounds are easy for pets to learn.
- You could pick a name from a favorite book or place.
+ Watch your pet for a few days and see what name fits.
+ Congratulations on your new pet!

== new_pet
? I got a new puppy!
? We just adopted a cat.
? I have a new pet!
? My family got a dog today.
? I got a goldfish.
? We brought home a rabbit!
? My son got a hamster for his birthday.
- Congratulations! That's so exciting.
- How wonderful! A new pet brings lots of joy.
- That's great news! I hope you have lots of fun together.
+ What's its name?
+ Make sure it has fresh water, good food and a cozy place to sleep.
+ What kind of animal is it?

== vacation
? Where should I go on vacation?
? I need a vacation. Any ideas?
? What's a good place for a family trip?
? Where should I travel this summer?
? Beach or mountains?
? Where can I go for a cheap holiday?
? What's a relaxing place for a vacation?
- It depends on what you like. The beach is great for relaxing, and the mountains are great for hiking.
- A city trip is great if you like museums, food and walking around.
- A quiet place in nature is good if you want to rest.
- You don't have to go far. A trip to a nearby town can be lovely.
+ Think about your budget and how much time you have.
+ What do you enjoy most on a trip?

== family_visit
? My parents are visiting this weekend. What should we do?
? My grandma is coming to stay. Any ideas?
? My brother is visiting. What can we do together?
? What can I do with my family on a Sunday?
? My cousins are coming over. Ideas?
? My in-laws are coming for dinner.
? My aunt is visiting next week.
- You could cook a meal together and eat it slowly.
- A walk in the park or by the water is nice for all ages.
- Look through old photos together and share stories.
- Play a board game or cards after dinner.
- Take them to your favorite cafe or local spot.
+ The best part is just spending time together.
+ Ask them what they would like to do.

== siblings
? My brother and I always fight.
? My sister takes my things.
? How do I get along with my siblings?
? My kids fight all the time.
? My little brother annoys me.
? How do I stop arguing with my sister?
- Fighting with brothers and sisters is very common.
- Try to talk calmly when you're both not upset.
- Setting a few clear rules, like asking before borrowing, can help.
- Find something fun you both enjoy and do it together.
+ Listening to each other makes a big difference.
+ Sometimes a little space helps.

== new_baby
? We're having a baby!
? My sister just had a baby.
? What do I buy for a new baby?
? How can I help new parents?
? My friend just had a baby. What should I do?
? What's a good gift for a baby?
- Congratulations! That's wonderful news.
- How exciting! A new baby is a big joy.
- New parents love help with simple things, like cooking a meal or doing some shopping.
- Useful gifts include clothes in bigger sizes, diapers and books.
+ Offer to help in small, practical ways.
+ Babies need lots of sleep, and so do their parents.

== grandparents
? What can I do with my grandparents?
? How can I stay in touch with my grandma?
? My grandpa lives far away.
? What can I talk about with my grandpa?
? How can I make my grandma happy?
- Call them, or send a letter with a drawing or a photo.
- Ask them to tell you stories about when they were young.
- Cook one of their favorite recipes together.
- A video call lets you see each other even from far away.
+ Grandparents usually love hearing about your day.

== kids_activities
? What can I do with my kids today?
? My kids are bored. Any ideas?
? Fun activities for children at home?
? What can a five year old do on a rainy day?
? What games can I play with my kids?
? How do I keep a toddler busy?
- Build a fort out of blankets and pillows.
- Bake simple cookies together.
- Do a scavenger hunt around the house, looking for one thing of each color.
- Draw, paint or make things from old boxes.
- Have a dance party in the living room.
+ Simple things are often the most fun.
+ Going outside, even for a short walk, helps everyone.

== school_hard
? School is hard.
? I'm struggling at school.
? I don't like school.
? I'm failing math.
? My classes are too difficult.
? I can't keep up in class.
? I got a bad grade.
- I'm sorry school feels hard right now.
- Lots of students feel that way sometimes.
- Asking your teacher for help is a great first step.
- Studying a little every day helps more than cramming.
+ Which subject is the hardest for you?
+ You can get better with practice.
+ A study buddy can make it easier.

== favorite_subject
? What's the best subject in school?
? Which school subject is most useful?
? Is math important?
? Why do we learn history?
? Why do we need to learn math?
? Is science important?
- Every subject helps in a different way.
- Math helps with money, cooking, building and solving problems.
- Reading and writing help you share ideas and learn everything else.
- History helps us understand why the world is the way it is.
- Science teaches you how to ask questions and test ideas.
+ What subject do you like most?

== teacher
? My teacher is strict.
? My teacher doesn't like me.
? How do I talk to my teacher?
? I'm scared to ask my teacher a question.
? How do I ask my teacher for help?
? My teacher gave me a bad grade. What do I do?
- Teachers usually want their students to do well.
- Try talking to your teacher after class, when it's quiet.
- Asking questions shows you care about learning.
- Be polite, listen carefully and try your best.
+ You can also ask a parent for help.

== boss
? My boss is always angry.
? How do I ask my boss for a day off?
? How do I talk to my boss about a problem?
? My manager gives me too much work.
? How do I ask for a raise?
? My boss doesn't listen to me.
- Choose a calm moment and ask to talk in private.
- Be clear and polite about what you need.
- Bring facts, like a list of your tasks, so it's easy to understand.
- Ask early, and offer a plan to cover your work.
- To ask for a raise, list what you've achieved and ask for a meeting.
+ Good communication solves many problems at work.

== work_from_home
? How do I work from home well?
? I work from home and I get distracted.
? Tips for working at home?
? How do I stay focused at home?
? Working from home is lonely.
- Set up a small space that's only for work.
- Start and stop at the same time each day.
- Get dressed as if you were going to the office.
- Take short breaks and go outside at lunchtime.
+ It helps to keep work and home time separate.

== commute
? My commute is so long.
? How can I make my commute better?
? What can I do on the bus?
? How can I make the drive to work less boring?
? The train is always crowded.
- Try listening to a podcast or an audio book.
- Reading a book makes train and bus rides go faster.
- If you can, walk or cycle part of the way for some exercise.
- Use the time to plan your day or relax with music.
+ Leaving a little earlier can make it less stressful.

== day_off
? I have a day off tomorrow!
? What should I do on my day off?
? I finally have a free day.
? I have the whole day to myself.
? What do I do with a day off?
- Lucky you! Sleep in a little and enjoy a slow breakfast.
- A free day is perfect for a walk, a good book and a nap.
- You could do something you never have time for, like a hobby.
- Meet a friend for lunch or coffee.
+ Try not to fill it with too many chores.
+ Enjoy it!

== grocery_list
? What should I buy at the grocery store?
? Help me make a shopping list.
? What are the basics I should have at home?
? What should I always keep in my kitchen?
? What should I buy for the week?
? What food should I stock up on?
- Good basics are bread, eggs, milk, rice, pasta, beans and oats.
- Buy some fruit, like bananas and apples, and vegetables, like carrots and onions.
- Keep canned tomatoes, oil, salt and a few spices for easy meals.
- Frozen vegetables are cheap and last a long time.
+ Plan a few meals first, then write the list.
+ Check what you already have before you go.

== clothes_shopping
? How do I choose clothes that fit?
? What should I wear to a wedding?
? How do I find comfortable shoes?
? What should I wear today?
? What should I wear for a job interview?
? How do I know my shoe size?
- Try things on and move around in them before you buy.
- Shoes should have a little room at the toes and not rub your heels.
- For a wedding, choose something neat and a little formal.
- Check the weather and dress in layers if you're not sure.
- For a job interview, wear clean, neat clothes that are a little formal.
- A shoe shop can measure your feet, and sizes can differ between brands.
+ Comfort matters as much as style.
+ Shopping later in the day is best for shoes, because feet swell a little.

== online_shopping
? Is online shopping safe?
? How do I shop online safely?
? How do I return something I bought online?
? How do I know if a website is safe?
? Is it safe to pay online?
- Buy from shops you know and trust.
- Look for a small lock symbol next to the website address.
- Never share your password or send money to strangers.
- To return something, look for the shop's returns page and keep the receipt.
+ Read reviews before buying.

== headache
? I have a headache. What should I do?
? My head hurts.
? How do I get rid of a headache?
? My head is pounding.
? I get headaches a lot.
- Drink a glass of water, because not drinking enough can cause headaches.
- Rest in a quiet, dark room for a while.
- Step away from screens and relax your shoulders.
- Some people take a mild pain medicine, following the label.
+ If headaches are strong or keep coming back, please see a doctor.

== back_pain
? My back hurts.
? I have back pain from sitting all day.
? How can I help a sore back?
? My lower back aches.
? How do I sit so my back doesn't hurt?
- Gentle walking and stretching often help a sore back.
- Get up and move every half hour if you sit a lot.
- Check that your chair supports your lower back.
- A warm shower can help tight muscles relax.
+ If the pain is strong or doesn't go away, see a doctor.

== stay_healthy
? How can I stay healthy?
? What are healthy habits?
? How do I live a healthy life?
? What's the secret to good health?
? How do I stay healthy as I get older?
? What are some good daily habits?
- Sleep well, eat lots of fruit and vegetables, and move every day.
- Drink plenty of water and spend time outside.
- Wash your hands often and see a doctor for checkups.
- Spend time with people you love, because happiness helps health too.
+ Small habits every day matter most.

== learn_instrument
? What instrument should I learn?
? Is it hard to learn the guitar?
? I want to learn music.
? What's the easiest instrument to learn?
? Am I too old to learn an instrument?
? How long does it take to learn the piano?
- The ukulele is small, cheap and easy to start with.
- The piano is great for learning how music works.
- The guitar takes some practice, but you can play simple songs quickly.
- Pick the instrument whose sound you love the most.
- You can play simple songs in a few weeks, and you keep improving for years.
- You're never too old to learn an instrument.
+ Practicing a little every day is the key.
+ Lessons or online videos can help you start.

== concert
? I'm going to a concert tonight!
? What should I bring to a concert?
? I've never been to a concert.
? What should I wear to a concert?
? Is it okay to go to a concert alone?
- How fun! Enjoy the music.
- Bring water, a light jacket and a charged phone.
- Earplugs are a good idea, because concerts can be very loud.
- Get there a bit early so you can find your spot.
- Going alone is fine, and lots of people do it.
- Wear comfortable shoes, because you may stand for a long time.
+ Who are you going to see?

== music_recommend
? What music should I listen to?
? I need new music.
? What's good music for studying?
? What music helps you relax?
? What music is good for a party?
? What music helps me sleep?
- For studying, calm music without words works well for many people.
- Classical or quiet piano music is great for relaxing.
- Try a genre you've never listened to, like jazz or folk.
- Upbeat pop or rock is great for exercise.
+ What kind of music do you usually like?

== watch_sport
? I'm going to watch a soccer game!
? My team won!
? My team lost again.
? Did you watch the game?
? We won the game!
? My team is playing tonight.
- That sounds exciting!
- Congratulations to your team!
- Oh no, that's disappointing. There is always the next game.
- I can't watch games, but I'd love to hear how it went.
+ Who were they playing?
+ Sports are more fun with friends.

== travel_airport
? Any tips for flying?
? How early should I get to the airport?
? I'm nervous about flying.
? What should I bring on a plane?
? What can I take in my hand luggage?
? How do I get through airport security faster?
- Get to the airport about two hours early for most flights, and earlier for long trips.
- Keep your passport, tickets and phone somewhere easy to reach.
- Bring a water bottle to fill after security, and a snack.
- Flying is very safe, and a book or music can help you relax.
- Check your airline's rules, because liquids and sharp things are limited in hand luggage.
+ Wear comfortable clothes and shoes.

== train_or_plane
? Should I take the train or fly?
? Is it better to drive or take the train?
? Is it cheaper to take the bus?
? What's the best way to travel between cities?
- Trains are relaxing, and you can often see nice views.
- Flying is faster for long distances.
- Driving lets you stop wherever you like.
- For short trips, the train is often just as quick as flying, once you count airport time.
- Buses are often the cheapest way to travel between cities.
+ Compare prices and total travel time before you choose.

== lost
? I'm lost. What do I do?
? I don't know where I am.
? I got lost in the city.
? I can't find my hotel.
? I missed my stop on the bus.
- Stay calm and stop in a safe place.
- Use a map app on your phone if you have one.
- Ask a shop worker or a police officer for directions.
- Go back to the last place you knew.
+ Keep your phone charged when you travel.

== hotel
? How do I choose a hotel?
? What should I check before booking a hotel?
? Is a hostel a good idea?
? What should I look for in a place to stay?
- Read recent reviews from other guests.
- Check the location and how far it is from what you want to see.
- Look at what's included, like breakfast or internet.
- Compare prices on a few websites.
- Hostels are cheap and friendly, and many have private rooms too.
+ A quiet room matters if you're a light sleeper.

== birthday_today
? It's my birthday today!
? Today is my birthday.
? I'm turning thirty today.
? Guess what? It's my birthday.
? It's my birthday tomorrow!
? My birthday is today and I'm excited.
- Happy birthday! I hope you have a wonderful day.
- Happy birthday! I hope it's full of good things.
- Oh, happy birthday! Are you doing anything special?
- Happy birthday to you!
+ What are you going to do to celebrate?
+ Enjoy every minute of it.
+ Do you have any birthday wishes?

== holiday_plans
? What should I do for the holidays?
? How can I make the holidays special?
? I'm hosting dinner for the holidays.
? How do I plan a holiday dinner?
? What can I do for the new year?
- Plan a simple meal and ask guests to bring a dish.
- Make time for a walk, a game or a movie with family.
- Small traditions, like baking together, make holidays special.
- Don't try to do everything. Rest is important too.
+ What do you usually do?

== cooking_dinner
? What should I cook for dinner?
? I don't know what to make for dinner.
? What's a quick dinner idea?
? What can I cook tonight?
? Easy dinner ideas?
? What's a healthy dinner?
? What can I make for dinner in fifteen minutes?
? What should I make for my family tonight?
- How about pasta with tomato sauce and a green salad?
- A vegetable stir fry with rice is quick and healthy.
- Tacos are easy and everyone can make their own.
- Soup with fresh bread is simple and warming.
- Scrambled eggs on toast is a fast dinner when you're tired.
- A baked potato with beans and cheese is cheap and filling.
+ What do you have in the fridge?
+ Do you want something quick or something special?

== lunch_idea
? What should I eat for lunch?
? What's a good lunch?
? Lunch ideas?
? What can I bring for lunch at work?
? What's a quick lunch I can make at home?
? What should I pack for my kid's lunch?
- A sandwich with some fruit is quick and easy.
- Leftovers from last night make a great lunch.
- A big salad with beans or eggs will keep you full.
- Soup in a flask is perfect on a cold day.
- Rice with vegetables and an egg is cheap and tasty.
+ Packing lunch the night before saves time.

== breakfast_idea
? What should I eat for breakfast?
? What's a healthy breakfast?
? Breakfast ideas?
? I'm always in a rush in the morning. What can I eat?
? What's a good breakfast before school?
? What can I eat for breakfast without eggs?
- Oatmeal with fruit is warm, healthy and filling.
- Yogurt with berries and a few nuts is quick and tasty.
- Toast with peanut butter and a banana gives you lots of energy.
- Eggs with toast is a classic breakfast.
- A smoothie is great if you're in a rush.
+ Breakfast gives you energy for the morning.

== snack_idea
? What's a healthy snack?
? I want a snack. Any ideas?
? Snack ideas that aren't junk food?
? What can I eat between meals?
? What's a good snack for kids?
? What can I snack on while studying?
- An apple with a little peanut butter is a great snack.
- A handful of nuts and some grapes will keep you going.
- Carrot sticks with hummus are crunchy and healthy.
- Yogurt with fruit is quick and tasty.
- Popcorn without much butter is a light snack.
+ Drinking water helps too, because sometimes thirst feels like hunger.

== leftovers
? What can I do with leftover rice?
? I have leftover chicken. What should I make?
? What can I make with leftovers?
? What can I do with old bread?
? I have extra vegetables. What can I make?
- Leftover rice makes great fried rice.
- Leftover chicken is perfect for sandwiches, salads or soup.
- Mix leftover vegetables into an omelet or a pasta sauce.
- Leftovers can go into wraps with a little cheese and salsa.
- Old bread makes great toast, breadcrumbs or French toast.
+ Keep leftovers in the fridge and eat them within a few days.

== cook_beginner
? I can't cook. Where do I start?
? How do I learn to cook?
? What should a beginner cook?
? What are easy recipes for beginners?
? What kitchen tools do I need?
- Start with simple dishes, like scrambled eggs, pasta and soup.
- Follow a recipe step by step, and read it all before you start.
- Learn a few basics, like chopping an onion and cooking rice.
- Cook with a friend or family member who knows how.
- A sharp knife, a cutting board, a pot and a pan are enough to start.
+ Everyone burns something at first, so don't give up.

== learning_drive
? I'm learning to drive.
? I have my driving test tomorrow.
? How do I pass my driving test?
? How long does it take to learn to drive?
? I'm nervous about driving on the highway.
- That's exciting! Take your time and stay calm.
- Practice as much as you can with an experienced driver.
- Check your mirrors often and drive at a steady speed.
- Get a good night's sleep before the test.
- Most people need a few months of regular practice.
+ Good luck!

== new_home
? I just moved into a new apartment.
? We bought our first house!
? How do I make my new place feel like home?
? What should I buy for my first apartment?
? How do I decorate a small room?
- Congratulations on your new home!
- How exciting! A new home is a fresh start.
- Hang some photos and add a few plants to make it cozy.
- Unpack the kitchen and bedroom first, so daily life is easy.
- Start with the basics: a bed, a few pots, towels and cleaning supplies.
- Light colors and a mirror make a small room feel bigger.
+ Say hello to your neighbors.

== beach_tomorrow
? I'm going to the beach tomorrow!
? What should I bring to the beach?
? We're going to the lake this weekend.
? Is it safe to swim in the sea?
? What can I do at the beach?
- That sounds lovely!
- Bring sunscreen, a hat, water and a towel.
- Pack some snacks and a book.
- Swim only where it's safe and a lifeguard is watching.
+ Have a great time!

== gym
? I'm going to the gym for the first time.
? How do I start at the gym?
? What should I do at the gym?
? How often should I go to the gym?
? What should I wear to the gym?
- Start with light weights and learn the right form.
- Warm up with five to ten minutes of easy cardio.
- Ask a staff member to show you how the machines work.
- Rest between sets and drink water.
- Two or three times a week is a great start.
- Wear comfortable clothes you can move in and good sports shoes.
+ Go slowly at first and build up over a few weeks.

== tired_of_work
? I hate my job.
? I don't like my job anymore.
? Should I quit my job?
? I want a new job.
? My job is boring.
? I feel stuck at work.
- I'm sorry work feels hard right now.
- It helps to think about what exactly you don't like.
- You could talk to your manager about changing some of your tasks.
- Start looking for other jobs before you leave this one.
+ What kind of work would make you happy?

== neighborhood
? What should I do in my neighborhood?
? How can I explore my town?
? What's fun to do near home?
? How do I find things to do in my town?
- Take a walk down streets you've never been on.
- Visit the local library, park or market.
- Try a cafe or a small shop you haven't been to.
- Look for local events, like fairs or concerts.
+ You might find something great close to home.

== good_news
? I have good news!
? Guess what happened today!
? Something great happened!
? I've got some exciting news!
? You won't believe what happened!
- Oh, I'd love to hear it!
- That sounds exciting! Tell me.
- How wonderful! What happened?
+ I'm all ears.

== bad_news
? I have bad news.
? Something bad happened.
? My plans got canceled.
? I lost my wallet.
? I got some bad news today.
? Things didn't go well today.
- Oh no, I'm sorry to hear that.
- That's really frustrating.
- I'm sorry. Do you want to talk about it?
+ Is there anything I can help with?
+ If you lost something, retrace your steps and check with places you visited.

== busy_day
? I have a busy day today.
? I have so much to do today.
? Today is going to be long.
? I have a lot of meetings today.
? My schedule is full today.
- Good luck! Take it one thing at a time.
- Start with the most important task.
- Remember to eat and drink water, even when you're busy.
- A short list can help you stay on track.
+ You can do it!

== exam_done
? I just finished my exams!
? My exams are over!
? School is out for the summer!
? I finished my last exam!
? I handed in my final project!
- Congratulations! You must feel relieved.
- Well done! Time to relax.
- That's great! Enjoy your free time.
+ How do you think they went?
+ What are you going to do to celebrate?

== retire
? I just retired.
? What should I do now that I'm retired?
? What can I do now that I have more free time?
? How do I keep busy after retiring?
- Congratulations on your retirement!
- You could try a new hobby, like painting or gardening.
- Volunteering is a great way to stay busy and meet people.
- Now you have time to travel, read and see friends.
+ What have you always wanted to try?

== volunteer
? How can I volunteer?
? I want to help my community.
? Where can I volunteer?
? How can I help people in need?
? I want to do something good for others.
- You could help at a food bank, an animal shelter or a library.
- Many towns have websites that list volunteer jobs.
- Ask at a local school, hospital or community center.
- Even small things, like helping a neighbor, make a difference.
+ Pick something you care about.
""")

# More everyday chat, in the same format as CHAT.
more_blocks(CHAT, """
== rainy_commute
? It's raining and I have to walk to work.
? I forgot my umbrella and it's raining.
? I got soaked in the rain.
? How do I stay dry when it rains?
? How do I keep my shoes dry in the rain?
- A waterproof jacket with a hood helps a lot.
- If you got wet, change into dry clothes and have a warm drink.
- Keep a small folding umbrella in your bag for days like this.
- Waterproof shoes or boots keep your feet dry.
+ Stay warm!
+ I hope it clears up soon.

== make_friends_kids
? How can my child make friends?
? My son is shy at school.
? My daughter has no friends at her new school.
? How do I help my kid make friends?
? How can I help my daughter make new friends?
- Invite a classmate over to play for an hour.
- Sign them up for a club or sport they enjoy.
- Practice simple ways to start a chat, like asking to join a game.
- Be patient, because shy children often need more time.
+ Praise small steps, like saying hello to someone new.

== coffee_too_much
? I drink too much coffee.
? How can I cut down on coffee?
? Is coffee bad for me?
? How much coffee is too much?
? Is it bad to drink coffee every day?
- Most adults can have a few cups a day without problems.
- Try having your last cup before lunch so it doesn't hurt your sleep.
- Swap one cup a day for water or herbal tea.
- Cut down slowly, so you don't get headaches.
+ Listen to your body, and ask a doctor if you're unsure.

== sleep_kids
? How do I get my kids to go to bed?
? My child won't sleep.
? What time should kids go to bed?
? Bedtime is always a fight.
? How much sleep does a child need?
- A calm routine every night helps, like a bath, a story and lights out.
- Turn off screens an hour before bed.
- Keep bedtime at the same time every day.
- Most young children need ten to twelve hours of sleep.
+ Stay calm and be consistent.

== picky_eater
? My kid is a picky eater.
? My son won't eat anything new.
? How do I get my child to try new food?
? My daughter only eats pasta.
- Offer a tiny bit of a new food next to foods they already like.
- Let them help cook, because kids often taste what they make.
- Don't force it. It can take many tries before a child likes a food.
- Eat the food yourself and show that you enjoy it.
+ Keep meals calm and friendly.

== lose_keys
? I lost my keys.
? I can't find my phone.
? I keep losing things.
? Where did I put my glasses?
? I lost my wallet.
- Think back to the last time you had it, and look there first.
- Check your pockets, bags and the places you visited today.
- Look in the usual spots, like by the door, on the table and in the kitchen.
- Calling your phone from another phone can help you find it.
+ A little bowl by the door for keys helps stop this in the future.

== rain_plans_canceled
? My picnic got rained out.
? My trip was canceled.
? The game was canceled because of the weather.
- That's a shame. I'm sorry your plans changed.
- Oh no! That's disappointing.
- What a pity. Maybe you can plan it again for another day.
+ You could have an indoor picnic on the living room floor instead.
+ Sometimes a surprise free day turns out nice.

== talk_more
? I'm not good at talking to people.
? I never know what to say.
? How do I keep a conversation going?
? Conversations feel awkward for me.
? How do I make small talk?
- Ask open questions, like what do you enjoy doing on weekends.
- Listen carefully and ask about what the other person just said.
- Share a little about yourself too.
- It's fine to have quiet moments, and they happen to everyone.
+ Practice makes it easier, a little at a time.

== being_kind
? How can I be a kinder person?
? What are some kind things I can do?
? How do I make someone's day better?
? Ideas for random acts of kindness?
? How can I help others every day?
- Hold the door for someone or help carry a heavy bag.
- Send a friend a message to say you're thinking of them.
- Thank people who help you, like a bus driver or a cashier.
- Give a real compliment, like saying you liked someone's idea.
+ Small kind acts really add up.

== birthday_card
? What should I write in a card for my friend?
? What do I write in a thank you card?
? Help me write a birthday message.
? What can I write in a card for my grandma?
? What do I write in a card for a coworker?
- Start with their name and a warm wish, like happy birthday.
- Mention something you love about them or a happy memory together.
- Keep it short and honest.
- End with your name and something kind, like lots of love.
+ A personal line means more than a long poem.

== moving_school
? My family is moving and I have to change schools.
? I don't want to move to a new town.
? I'm scared to leave my friends.
- Moving can feel hard, and it's okay to feel sad about it.
- You can stay in touch with old friends by phone or video calls.
- A new place can bring new friends and new things to try.
- Ask your family if you can visit your new school before the first day.
+ It usually gets easier after a few weeks.

== phone_broken
? My phone screen cracked.
? My phone is really slow.
? My phone battery dies so fast.
? My laptop won't turn on.
? My computer is really slow.
- Try turning it off and on again, which fixes many problems.
- Close apps you're not using and delete files you don't need.
- Lower the screen brightness to save battery.
- If it's broken, a repair shop can often fix it for less than a new one.
+ Back up your photos regularly, just in case.

== computer_basics
? How do I copy and paste?
? How do I save a file?
? What's the best way to keep my files safe?
? How do I make a strong password?
? How do I back up my photos?
- A strong password is long, like a short sentence you can remember.
- Keep copies of important files in two different places.
- Most programs save with a save button or a menu called file.
- To copy and paste, select the text, copy it, click where you want it, and paste.
+ Never share your passwords with anyone.

== noise_neighbor
? My neighbors are too loud.
? I can't sleep because of noise.
? The street outside is noisy at night.
? How do I sleep with a noisy neighbor?
- Earplugs or a fan making steady noise can help you sleep.
- If it's your neighbors, a friendly, calm chat often works best.
- Heavy curtains can soften noise from outside.
+ I hope you get a quiet night soon.

== bake_help
? My cake didn't rise.
? My cookies came out flat.
? My bread is too hard.
? Why did my cake sink in the middle?
? Why are my cookies too hard?
- Check that your baking powder or yeast is fresh.
- Make sure the oven is fully heated before the cake goes in.
- Don't open the oven door too early, because the cake can sink.
- Measure flour carefully, because too much makes things hard and dry.
+ Baking is a bit like science, so small changes matter.

== plant_care_outdoor
? How often should I water my garden?
? My tomatoes aren't growing.
? How do I get rid of weeds?
? When should I water my garden?
- Water deeply a few times a week instead of a little every day.
- Tomatoes need lots of sun, regular water and a stake to climb.
- Pull weeds after rain, when the soil is soft.
- A layer of mulch helps keep weeds away and water in the soil.
+ Gardens need patience.

== dog_behavior
? My dog barks all the time.
? My dog pulls on the leash.
? My puppy chews everything.
? How do I stop my dog from jumping on people?
? How do I train my dog?
- Give your dog plenty of walks and play, because bored dogs get noisy.
- Reward your dog with a treat when it does the right thing.
- Give a puppy safe chew toys and take away things it shouldn't chew.
- Stop walking when your dog pulls, and start again when the leash is loose.
+ Be patient and consistent, and a trainer can help too.

== cat_behavior
? My cat scratches the furniture.
? Why does my cat knock things off the table?
? My cat won't use the litter box.
? Why does my cat bring me mice?
? How do I stop my cat from scratching?
- Give your cat a scratching post and put it near the furniture it likes.
- Cats often knock things over because they're curious or want attention.
- Keep the litter box clean and in a quiet spot.
- Bringing you a mouse is natural hunting behavior, and cats may see it as sharing.
+ If your cat's habits suddenly change, a vet visit is a good idea.

== fish_tank
? How do I look after a fish tank?
? How often should I clean my fish tank?
? My fish looks sick.
? What do goldfish need?
- Change about a quarter of the water every week or two.
- Don't overfeed your fish, because leftover food makes the water dirty.
- Keep the tank out of direct sunlight.
- If a fish looks sick, check the water first, and ask a pet shop for advice.
+ Fish are happiest in clean, calm water.

== sports_start
? I want to start playing a sport.
? What sport should I try?
? Which sport is good for beginners?
? I want to join a team.
? What's a good sport for adults?
- Swimming, running and cycling are easy to start on your own.
- If you like being with people, try a team sport like soccer or volleyball.
- Many towns have beginner clubs for adults and kids.
- Pick something you enjoy, because you'll keep doing it.
+ Start slowly and have fun.

== watch_tonight_kids
? What should we do for family night?
? Ideas for a fun evening at home?
? How can we spend time together as a family?
? What can we do tonight as a family?
- Make pizza together and let everyone choose their toppings.
- Play a board game or a card game.
- Watch a movie with popcorn and blankets.
- Go for an evening walk and look at the stars.
+ Putting phones away makes it even better.

== bad_weather_drive
? Is it safe to drive in the snow?
? How do I drive in heavy rain?
? Any tips for driving at night?
? How do I drive safely in fog?
- Slow down and leave much more space between you and the car in front.
- Turn on your lights so others can see you.
- If the weather is very bad, it's safest to wait.
- Keep your windows clean and your wipers working.
+ Take your time and stay calm.

== waking_tired
? Why am I always tired?
? I sleep a lot but I'm still tired.
? How can I have more energy?
? Why do I wake up tired?
- Sleep at the same times every day, even on weekends.
- Drink water, eat regular meals and get some daylight.
- A short walk can give you more energy than a nap.
- If you're tired for a long time, it's a good idea to see a doctor.
+ Too much screen time late at night can also make you tired.

== hiccups_now
? I have the hiccups!
? I can't stop hiccuping.
- Try sipping a glass of cold water slowly.
- Hold your breath for a few seconds, then breathe out slowly.
- Breathe in slowly and deeply a few times.
+ Hiccups usually go away on their own in a few minutes.

== sunburn
? I got sunburned.
? My skin is red from the sun.
? What helps a sunburn?
? How do I treat a sunburn?
- Cool the skin with a cool shower or a damp cloth.
- Aloe or a gentle lotion can soothe the skin.
- Drink extra water and stay out of the sun while it heals.
- If you have blisters or feel sick, see a doctor.
+ Next time, sunscreen and a hat will help.

== bee_sting
? I got stung by a bee.
? A wasp stung me.
? What do I do for a bug bite?
? What helps a bee sting?
- Scrape the stinger out with a fingernail or a card, if there is one.
- Wash the spot with soap and water and put something cold on it.
- Get help right away if it's hard to breathe or your face swells.
- Try not to scratch bug bites.
+ Most stings feel better within a day.

== small_cut
? I cut my finger.
? How do I clean a small cut?
? I scraped my knee.
? How do I look after a small wound?
- Wash the cut gently with clean water.
- Press on it with a clean cloth to stop the bleeding.
- Cover it with a bandage to keep it clean.
- If it's deep or won't stop bleeding, see a doctor.
+ Change the bandage every day.

== thanks_someone
? How do I thank someone for a gift?
? How can I show my mom I appreciate her?
? How do I say thank you to my teacher?
? How can I thank my neighbor?
- A short, handwritten note means a lot.
- Say thank you and mention exactly what you liked.
- Do something kind for them in return, like cooking a meal.
- Spend time with them and really listen.
+ People love to know they made a difference.

== awkward_mistake
? I said something embarrassing.
? I made a fool of myself today.
? I tripped in front of everyone.
- Everyone has moments like that, and most people forget quickly.
- You can laugh about it, which helps everyone relax.
- If you hurt someone's feelings, a quick apology helps.
+ Be kind to yourself.

== new_city_visit
? I'm visiting a new city for a day. What should I do?
? What should I see first in a new city?
? How do I explore a new city?
? What should I do on a city break?
- Walk around the old town or the main square.
- Visit a local market to see what people eat.
- A museum is a great way to learn about the place.
- Ask a local for their favorite spot to eat.
+ Comfortable shoes make a big difference.

== rain_garden_kids
? What can kids do outside?
? Ideas for outdoor play?
? What can we do in the park?
? What outdoor games can kids play?
- Have a picnic and play tag or catch.
- Look for bugs, birds and interesting leaves.
- Bring a ball, a kite or some chalk.
- Build a small fort out of sticks and leaves.
+ Fresh air is good for everyone.

== money_gift
? Is it okay to give money as a gift?
? How much should I spend on a gift?
- Money can be a nice gift, especially with a kind card.
- Spend what feels comfortable for you.
- A thoughtful small gift is often better than an expensive one.
+ What matters most is the thought behind it.

== wedding_guest
? I'm going to a wedding. What should I bring?
? What do you give as a wedding gift?
? What should I say to the bride and groom?
- Many couples have a gift list, so ask or check their invitation.
- A card with warm wishes is always welcome.
- Say congratulations and tell them you wish them a happy life together.
+ Have a lovely time at the wedding!

== plants_indoor_light
? My apartment is dark. What plants can I grow?
? Which plants don't need much sun?
- Snake plants, spider plants and ferns can grow in lower light.
- Put plants as close to a window as you can.
- Water less when plants get less light.
+ Even a small plant can brighten a room.

== quiet_time
? How can I relax?
? I need to calm down.
? What's a good way to unwind?
? How do I relax before bed?
? What helps you relax after a long day?
? How do I switch off after work?
- Take a few slow, deep breaths.
- Go for a gentle walk outside.
- Listen to calm music or read a few pages of a book.
- A warm bath or shower can help your body relax.
- Write down what's on your mind so you can let it go for now.
+ Even ten quiet minutes can help.
""")
# Still more everyday chat, in the same format as CHAT.
more_blocks(CHAT, """
== what_to_drink
? What should I drink with dinner?
? What's a good drink for a hot day?
? What can I drink instead of soda?
? What's a nice warm drink?
? What should I drink when I'm thirsty?
? Any ideas for a healthy drink?
- Water with a slice of lemon is simple and refreshing.
- Iced tea or sparkling water is nice on a hot day.
- A warm cup of tea or hot chocolate is cozy in the evening.
- Milk or a fruit smoothie goes well with breakfast.
+ Water is always a healthy choice.

== what_to_wear_weather
? Should I wear a jacket today?
? Is it shorts weather?
? What should I wear for a walk in the fall?
? Do I need a sweater today?
? What should I wear to stay comfortable outside?
- If you're not sure, bring a light jacket you can take off.
- Layers are the easiest way to stay comfortable.
- Check the temperature first, and dress for the coldest part of the day.
- Comfortable shoes are the most important part of any walk.
+ I can't see the weather, so a quick look at a forecast will help.

== late_night
? I can't stop watching videos at night.
? I stay up too late every night.
? Why do I feel wide awake at midnight?
? How do I stop staying up so late?
? I keep going to bed after midnight.
- Screens can keep your brain alert, so try putting them away an hour before bed.
- Set a bedtime alarm that reminds you to start getting ready for sleep.
- Make your evenings calm and dim the lights.
- Going to bed at the same time each night trains your body to feel sleepy.
+ Your morning self will thank you.

== hair_cut
? Should I cut my hair short?
? I want a new hairstyle.
? How often should I get a haircut?
? I'm thinking of a new haircut.
- A new haircut can be a fun change.
- Look at pictures of styles you like and show them to your hairdresser.
- Many people get a trim every six to eight weeks.
- Think about how much time you want to spend on your hair each morning.
+ Hair grows back, so don't worry too much.

== save_for_something
? I want to buy a bike. How can I save up?
? How long will it take to save for a laptop?
? How do I save for something big?
? How can I save up for a new phone?
? I want to buy something expensive. How do I save?
- Decide how much it costs and how much you can put aside each week.
- Divide the price by what you save each week to see how long it will take.
- Keep the savings in a separate place so you don't spend it.
- Look for good used ones, which often cost much less.
+ Watching your savings grow is very motivating.

== too_much_sugar
? I eat too many sweets.
? How do I stop eating so much candy?
? I crave sugar all the time.
? How do I cut down on sweets?
? I can't stop eating cookies.
- Keep sweets out of sight, or don't buy them for home.
- Eat regular meals, so you don't get too hungry.
- Try fruit when you want something sweet.
- Drink water, because thirst can feel like a craving.
+ A small treat now and then is perfectly fine.

== learn_cooking_kids
? How can my kids help in the kitchen?
? What can children cook?
? Is it safe for kids to cook?
? How do I teach my kids to cook?
? What can I cook with my children?
- Kids can wash vegetables, stir, measure and set the table.
- Easy recipes for kids include sandwiches, fruit salad and simple muffins.
- An adult should handle knives, the stove and the oven with young children.
- Cooking together is a great way to teach counting and reading.
+ Expect a little mess, and have fun.

== party_games
? What games can we play at a party?
? Fun games for a kids' party?
? What can we do at a birthday party?
? What are good party games for adults?
? How do I keep guests entertained?
- Musical chairs and hide and seek are easy party games.
- A scavenger hunt is fun for all ages.
- Charades is great for a group of friends.
- A simple craft table keeps younger kids busy.
+ Keep prizes small so everyone has fun.

== rain_indoor_exercise
? How can I exercise at home?
? What exercise can I do without equipment?
? How do I stay active when it's raining?
? What's a good workout for a small room?
? How can I stay fit without a gym?
- Try squats, lunges and push-ups, which need no equipment.
- Dancing to a few songs is great exercise.
- Walking up and down the stairs gets your heart going.
- Follow a beginner yoga or workout video.
+ Even ten minutes a day makes a difference.

== kindness_kids
? How do I teach my kids to be kind?
? How do I teach children to share?
? My kid won't say sorry.
? How can I raise kind children?
? My kids won't share their toys.
- Show kindness yourself, because children copy what they see.
- Praise your child when they share or help.
- Talk about how other people might feel.
- Practice saying sorry and thank you together.
+ Kindness grows with time and practice.

== clean_quickly
? Guests are coming in an hour. What should I clean?
? How do I make my home look tidy fast?
? How can I clean my house in thirty minutes?
? What should I clean before a party?
- Clear the clutter from the main room first.
- Wipe the kitchen counters and the bathroom sink.
- Put dirty dishes in the dishwasher or the sink.
- Open a window to bring in fresh air.
+ Guests mostly notice a clean, tidy living room.

== phone_call
? How do I make a hard phone call?
? I'm nervous about calling the doctor.
? How do I call to make an appointment?
? I hate making phone calls.
- Write down what you want to say before you call.
- Have your calendar ready so you can pick a time.
- Speak slowly and take notes during the call.
- Remember that the person on the other end talks to people all day.
+ It usually takes just a few minutes.

== bus_travel
? How do I take the bus for the first time?
? How do I know which bus to take?
? How do I pay for the bus?
? Is the bus a good way to get around?
- Look up your route on a map app or at the bus stop.
- Check how to pay, with a card, a ticket or cash.
- Ask the driver if you're not sure it's the right bus.
- Watch for your stop and press the button before it.
+ After the first time, it gets easy.

== writing_better
? How can I improve my writing?
? How do I write better essays?
? My writing is messy.
? How do I write a good story?
? How can I make my sentences clearer?
- Read a lot, because good reading helps good writing.
- Use short, clear sentences.
- Plan your main points before you start.
- Read your work out loud and fix what sounds wrong.
+ Writing a little every day helps the most.

== online_friends
? Is it safe to meet people online?
? How do I stay safe on the internet?
? Someone online asked for my address.
? How do I keep my accounts safe?
? Is it okay to share photos online?
- Never share your address, passwords or bank details with people you don't know.
- Meet new people only in public places, and tell someone where you're going.
- If something feels wrong, stop talking and tell someone you trust.
- Use strong passwords and keep your apps updated.
- Share photos only with people you trust, and leave out things like your address.
+ Trust your feelings when something seems strange.

== smell_home
? How do I make my house smell nice?
? My room smells stuffy.
? How do I get rid of bad smells at home?
? My kitchen smells of old food.
- Open the windows for a few minutes every day.
- Take out the trash and wash bins often.
- Fresh flowers or a bowl of lemon peels can smell lovely.
- Wash sheets and towels every week.
+ Fresh air is the simplest fix.

== noisy_kids
? My kids are so loud.
? How do I get some quiet time with kids at home?
? How do I get my kids to calm down?
? How do I keep my kids quiet while I work?
- Set up a quiet time each day, with books or drawing.
- Get outside, where kids can run and shout.
- Use a calm voice yourself, because kids often copy it.
- Give each child a cozy corner for quiet play.
+ A little quiet time is good for everyone.

== car_trouble
? My car won't start.
? There's a strange noise in my car.
? A warning light came on in my car.
? My car battery is dead.
? What do I do if my car breaks down?
- Check that the car is in park and try again.
- If the lights are dim, the battery may be flat.
- Look up the warning light in the car's manual.
- If you're not sure, have a mechanic take a look.
+ Don't ignore warning lights for too long.

== winter_blues
? I feel down in the winter.
? The dark days make me sad.
? How do I stay happy in winter?
? I miss the sun in winter.
- Get outside in daylight, even for a short walk.
- Keep in touch with friends and plan nice things to look forward to.
- Regular exercise and sleep help your mood.
- If the low mood lasts, talking to a doctor can help.
+ Spring will come around again.
""")
# ---------------------------------------------------------------------------
# Data: jokes, riddles and very short stories
# ---------------------------------------------------------------------------

JOKE_ASKS = words("""
Tell me a joke.; Do you know any jokes?; Make me laugh.;
Tell me something funny.; Can you tell me a joke?; I need a laugh.;
Got any jokes?; Say something funny.; Tell me another joke.;
Do you know a good joke?; Tell me a funny joke.; I'm bored. Tell me a joke.;
Please tell me a joke.; Know any good jokes?; Say a joke.;
Cheer me up with a joke.; I could use a joke.; Tell me a kids' joke.""")

JOKES = table("""
Why did the scarecrow win an award? | Because he was outstanding in his field.
Why don't eggs tell jokes? | They would crack each other up.
Why did the bicycle fall over? | Because it was two tired.
What do you call a bear with no teeth? | A gummy bear.
What did the ocean say to the beach? | Nothing, it just waved.
Why did the math book look sad? | Because it had too many problems.
What do you call cheese that isn't yours? | Nacho cheese.
Why did the cookie go to the doctor? | Because it felt crummy.
How do you make a tissue dance? | You put a little boogie in it.
What did one wall say to the other wall? | I'll meet you at the corner.
Why are ghosts bad at lying? | Because you can see right through them.
Why did the tomato turn red? | Because it saw the salad dressing.
What has four wheels and flies? | A garbage truck.
What kind of tree fits in your hand? | A palm tree.
Why did the student eat his homework? | Because the teacher said it was a piece of cake.
Why was the computer cold? | It left its Windows open.
What did the zero say to the eight? | Nice belt!
Why don't skeletons fight each other? | They don't have the guts.
How does a penguin build its house? | Igloos it together.
What do you call a snowman with a six pack? | An abdominal snowman.
Why did the golfer bring two pairs of pants? | In case he got a hole in one.
What do you call a cow with no legs? | Ground beef.
Why couldn't the leopard play hide and seek? | Because he was always spotted.
What did the big flower say to the little flower? | Hi, bud!
Why did the banana go to the doctor? | It wasn't peeling well.
Why do cows wear bells? | Because their horns don't work.
What did the janitor say when he jumped out of the closet? | Supplies!
How do you organize a space party? | You planet.
What's orange and sounds like a parrot? | A carrot.
Why did the music teacher need a ladder? | To reach the high notes.
Why did the frog take the bus to work? | His car got toad away.
What falls in winter but never gets hurt? | Snow.
Why did the chicken cross the playground? | To get to the other slide.
What do you call a belt made of watches? | A waist of time.
Why did the picture go to jail? | Because it was framed.
What did the left eye say to the right eye? | Between you and me, something smells.
Why was the broom late? | It overswept.
What kind of room has no doors or windows? | A mushroom.
Why did the kid bring a ladder to school? | Because she wanted to go to high school.
What do you call a sleeping bull? | A bulldozer.
""", ["setup", "punch"])

JOKE_LEADS = words("""
Here's one.; Okay, here's a joke.; Sure!; Here you go.; I've got one.;
Okay!; This one always makes me smile.; Here's a classic.;
Sure, here's one.; Let me think. Okay!
""")

RIDDLE_ASKS = words("""
Tell me a riddle.; Do you know any riddles?; Give me a riddle.;
Can you give me a riddle?; I want a riddle.; Ask me a riddle.;
Riddle me this.; Let's do a riddle.; Do you have a riddle for me?;
I love riddles. Give me one.; Got a riddle?""")

RIDDLE_GIVE_UP = words("""
I don't know.; I give up.; No idea.; Tell me the answer.; Hmm, what is it?;
I'm not sure.; What?; I can't guess.; Is it a secret?; Okay, I give up.;
You got me. What is it?; Hmm, tell me.""")

RIDDLES = table("""
What has keys but can't open locks? | A piano.
What has hands but can't clap? | A clock.
What gets wetter the more it dries? | A towel.
What has a face and two hands but no arms or legs? | A clock.
What can you catch but not throw? | A cold.
What has to be broken before you can use it? | An egg.
What goes up but never comes down? | Your age.
What has a neck but no head? | A bottle.
What has many teeth but can't bite? | A comb.
What has legs but doesn't walk? | A table.
What is full of holes but still holds water? | A sponge.
What belongs to you but other people use it more than you? | Your name.
What runs but never walks? | Water, like a river.
What has one eye but can't see? | A needle.
What comes down but never goes up? | Rain.
What can travel around the world while staying in a corner? | A stamp.
What has a thumb and four fingers but isn't alive? | A glove.
What building has the most stories? | A library.
What kind of band never plays music? | A rubber band.
What has words but never speaks? | A book.
What has a bed but never sleeps? | A river.
What is always in front of you but can't be seen? | The future.
What can fill a room but takes up no space? | Light.
What has a head and a tail but no body? | A coin.
What gets bigger the more you take away? | A hole.
""", ["q", "a"])

RIDDLE_ANSWER_FORMS = words("""
It's {a_lower}; The answer is {a_lower}; {a}; It's {a_lower} Did you guess it?;
The answer is {a_lower} Good try!; {a} Fun, right?
""")

STORY_ASKS = words("""
Tell me a story.; Tell me a short story.; Can you tell me a story?;
Tell me a bedtime story.; I want to hear a story.; Tell me a tiny story.;
Do you know any stories?; Tell me a story about an animal.;
Make up a short story.; Tell me a happy story.; Tell me a story before bed.;
Can you make up a story?; I'd like a short story, please.""")

STORIES = words("""
Once there was a small cat who loved the rain. Every day she sat by the window and watched the drops race down the glass. One day the sun came out, and she found a rainbow waiting for her.;
A little seed was planted in a garden. It waited in the dark soil, drinking the rain. One spring morning, it pushed up through the ground and opened into a bright yellow sunflower.;
A young owl was afraid of the dark. Her mother took her out one night and showed her the moon and the stars. After that, the little owl loved the night more than anything.;
A boy found a lost puppy in the park. He looked for the owner all afternoon and finally found an old man calling a name. The man was so happy that he gave the boy a big smile and a thank you.;
A tiny turtle wanted to see the ocean. She walked slowly across the warm sand for a whole morning. When she reached the water, she swam away into the blue, happy and free.;
Two friends built a kite from paper and sticks. The first time, it crashed. They fixed it, tried again, and watched it climb high into the windy sky.;
An old lighthouse stood alone by the sea. Every night it shone its light for the ships. One stormy night a small boat followed its light safely home.;
A girl planted a tomato seed in a cup. She watered it every day and turned it toward the sun. By summer, she was picking red tomatoes for the whole family.;
A sleepy bear woke up early from his winter nap. The forest was still cold and quiet. He yawned, rolled over and decided to sleep for another week.;
A little cloud wanted to be useful. It floated over a dry field and rained gently on the thirsty plants. The farmer looked up and smiled.;
A mouse found a big piece of cheese. It was too heavy to carry alone, so he asked his friends for help. Together they carried it home and shared a wonderful dinner.;
A boy wanted to learn to swim. He practiced every day, first floating, then kicking, then moving his arms. By the end of summer, he swam across the whole pool.;
A baker made one extra loaf of bread every morning. She gave it to someone who looked hungry. Soon the whole town knew her as the kindest person on the street.;
A small robot cleaned the floors of a big library. At night, when everyone had gone, it stopped to look at the pictures in the books. It dreamed of visiting all the places it saw.;
A duckling was slower than her brothers and sisters. She kept paddling and never gave up. One day she was the first to reach the other side of the pond.;
A grandmother and her grandson baked cookies on a snowy afternoon. The kitchen smelled of butter and sugar. They ate the warm cookies by the window and watched the snow fall.;
A fox and a rabbit were not friends at first. One cold night, they both hid from the wind under the same old tree. By morning, they had shared stories and become friends.;
A little boat sailed down a long river. It passed farms, forests and busy towns. At last it reached the wide, sparkling sea.;
A girl found a shiny stone on the beach. She kept it in her pocket for good luck. Years later, she gave it to her own daughter on her first day of school.;
A tired snail wanted to see the top of the garden wall. It climbed slowly all day. At sunset it reached the top and saw the whole garden glowing in orange light.
""")

ANOTHER_ASKS = words("""
Another one!; Tell me another one.; One more, please.; Again!;
That was good. Another?; Can you tell me another?; Do you have another one?;
More!; Tell me one more.; I want another one.""")

# ---------------------------------------------------------------------------
# Data: family words, the calendar, units and things to count
# ---------------------------------------------------------------------------

FAMILY = table("""
my mother's mother | grandmother
my father's mother | grandmother
my mother's father | grandfather
my father's father | grandfather
my mother's sister | aunt
my father's sister | aunt
my mother's brother | uncle
my father's brother | uncle
my aunt's son | cousin
my uncle's daughter | cousin
my aunt's daughter | cousin
my brother's daughter | niece
my sister's daughter | niece
my brother's son | nephew
my sister's son | nephew
my husband's mother | mother-in-law
my wife's mother | mother-in-law
my wife's father | father-in-law
my sister's husband | brother-in-law
my brother's wife | sister-in-law
my son's daughter | granddaughter
my daughter's son | grandson
my grandmother's mother | great-grandmother
my grandfather's father | great-grandfather
""", ["who", "word"])

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"]

MONTHS = table("""
January | 31 | winter | summer
February | 28, or 29 in a leap year | winter | summer
March | 31 | spring | fall
April | 30 | spring | fall
May | 31 | spring | fall
June | 30 | summer | winter
July | 31 | summer | winter
August | 31 | summer | winter
September | 30 | fall | spring
October | 31 | fall | spring
November | 30 | fall | spring
December | 31 | winter | summer
""", ["month", "days", "north", "south"])

SEASONS = ["spring", "summer", "fall", "winter"]

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "eleventh", "twelfth"]

UNITS = table("""
centimeters | a meter | 100
millimeters | a centimeter | 10
meters | a kilometer | 1000
grams | a kilogram | 1000
milliliters | a liter | 1000
inches | a foot | 12
feet | a yard | 3
ounces | a pound | 16
seconds | a minute | 60
minutes | an hour | 60
hours | a day | 24
days | a week | 7
months | a year | 12
days | a year | 365, or 366 in a leap year
weeks | a year | 52, plus one or two days
years | a century | 100
years | a decade | 10
cents | a dollar | 100
eggs | a dozen | 12
""", ["small", "big", "n"])

COUNTABLES = words("""
apples; cookies; pencils; books; marbles; stickers; oranges; toy cars;
flowers; eggs; cards; balloons; crayons; cupcakes; shells; stamps; coins;
bananas; buttons; candles
""")

NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven",
                "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen"]
TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
              "eighty", "ninety"]

USER_NAMES = words("""
Anna; Ben; Carla; Dan; Eva; Farid; Gus; Helen; Ivan; Jade; Kim; Leo; Mona;
Ned; Olivia; Pablo; Quinn; Rachel; Steve; Tanya; Uma; Vince; Will; Yara; Zack;
Aisha; Bruno; Chen; Dora; Elias; Freya; George; Hana; Igor; Julia; Kevin; Lara;
Milo; Nora; Owen; Paula; Ravi; Selma; Theo; Vic; Wanda
""")

# ---------------------------------------------------------------------------
# Data: words. Opposites, other words with the same meaning, irregular
# plurals, rhymes, and words to spell.
# ---------------------------------------------------------------------------

OPPOSITES = table("""
hot | cold
big | small
fast | slow
happy | sad
up | down
open | closed
light | dark
day | night
old | young
full | empty
tall | short
heavy | light
wet | dry
hard | soft
loud | quiet
early | late
clean | dirty
near | far
strong | weak
rich | poor
easy | hard
inside | outside
first | last
begin | end
push | pull
give | take
win | lose
buy | sell
laugh | cry
remember | forget
always | never
friend | enemy
north | south
east | west
top | bottom
left | right
long | short
thick | thin
sweet | sour
answer | question
arrive | leave
awake | asleep
brave | scared
cheap | expensive
deep | shallow
float | sink
smooth | rough
noisy | silent
""", ["word", "opposite"])

SYNONYMS = table("""
happy | glad, cheerful and joyful
big | large, huge and enormous
small | little, tiny and miniature
fast | quick, speedy and rapid
smart | clever, bright and wise
pretty | beautiful, lovely and attractive
scared | afraid, frightened and fearful
tired | sleepy, weary and exhausted
angry | mad, cross and upset
funny | amusing, comical and hilarious
begin | start, open and launch
end | finish, stop and close
easy | simple, plain and effortless
hard | difficult, tough and tricky
good | fine, great and excellent
bad | poor, awful and terrible
cold | chilly, cool and freezing
hot | warm, boiling and scorching
quiet | calm, silent and still
say | tell, speak and state
look | see, watch and view
walk | stroll, march and wander
friend | pal, buddy and companion
talk | chat, speak and discuss
""", ["word", "others"])

PLURALS = table("""
mouse | mice
child | children
foot | feet
tooth | teeth
goose | geese
man | men
woman | women
person | people
sheep | sheep
fish | fish
deer | deer
leaf | leaves
knife | knives
wolf | wolves
half | halves
box | boxes
bus | buses
baby | babies
city | cities
potato | potatoes
cactus | cactuses or cacti
ox | oxen
""", ["word", "plural"])

RHYMES = table("""
cat | hat, bat and mat
dog | log, frog and fog
sun | fun, run and bun
tree | bee, sea and knee
cake | lake, bake and snake
moon | spoon, soon and noon
star | car, far and jar
rain | train, chain and plane
light | night, kite and bright
boat | coat, goat and float
book | cook, look and hook
bear | chair, pear and hair
mouse | house, blouse and spouse
red | bed, bread and head
king | ring, sing and wing
""", ["word", "rhymes"])
# ---------------------------------------------------------------------------
# Data: quick fact checks and comparisons
# columns: ways to ask | the answer, first sentence first
# ---------------------------------------------------------------------------

FACT_CHECKS = table("""
Is the sun a planet? ; Is the sun a star or a planet? | No, the sun is a star, not a planet. ; Planets, like the Earth, travel around the sun.
Is the moon a planet? ; Is the moon a star? | No, the moon is not a planet or a star. ; It is Earth's natural satellite, which means it travels around the Earth.
Is Pluto a planet? ; Why isn't Pluto a planet anymore? | Pluto is now called a dwarf planet. ; It is much smaller than the eight main planets.
Is the Earth flat? ; Is the world flat? | No, the Earth is round, like a ball. ; Photos from space show its round shape.
Is a tomato a vegetable? ; Are tomatoes vegetables? | A tomato is a fruit, because it holds seeds. ; People usually cook it like a vegetable, though.
Is a peanut a nut? ; Are peanuts really nuts? | Not really, a peanut is a legume, like beans and peas. ; Peanuts grow under the ground.
Is a strawberry a berry? | Surprisingly, no, not in the way botanists use the word. ; But a banana is a berry to a botanist.
Is a banana a berry? ; Are bananas berries? | Yes, to a botanist a banana is a kind of berry. ; In everyday talk, though, we just call it a fruit.
Can dogs eat chocolate? ; Is chocolate bad for dogs? | No, chocolate is poisonous to dogs. ; Keep chocolate where your dog can't reach it, and call a vet if your dog eats some.
Can dogs eat grapes? ; Are grapes safe for dogs? | No, grapes and raisins can make dogs very sick. ; Give your dog dog treats instead.
Can cats drink milk? ; Should I give my cat milk? | Most adult cats can't digest milk well, and it can upset their stomachs. ; Fresh water is the best drink for a cat.
Can rabbits eat carrots? ; Do rabbits eat carrots? | Rabbits can eat a little carrot as a treat, but it has a lot of sugar. ; Most of a rabbit's food should be hay.
Can fish drown? | Fish don't drown like people, but they can die if the water doesn't have enough oxygen. ; That's why fish tanks need clean, fresh water.
Do fish sleep? ; How do fish sleep? | Yes, fish rest, but most of them don't close their eyes. ; They slow down and stay still in a safe spot.
Do snakes have ears? ; Can snakes hear? | Snakes have no outside ears, but they have inner ears. ; They can feel vibrations and hear some low sounds.
Do penguins live at the North Pole? ; Are there penguins in the Arctic? | No, wild penguins live in the southern half of the world. ; Polar bears live in the north, so polar bears and penguins never meet in the wild.
Are bats birds? ; Is a bat a bird? | No, bats are mammals. ; They are the only mammals that can really fly.
Is a whale a mammal? ; Are whales mammals? | Yes, whales are mammals. ; They breathe air and feed their babies milk.
Is a shark a mammal? ; Are sharks mammals? | No, sharks are fish. ; They breathe with gills.
Is a penguin a bird? ; Are penguins birds? | Yes, penguins are birds, even though they can't fly. ; They have feathers and lay eggs.
Is a spider an insect? | No, a spider is an arachnid. ; Spiders have eight legs, and insects have six.
Is glass a liquid? | No, glass is a solid. ; It is made by melting sand at very high heat and letting it cool.
Is water wet? | Water makes other things wet, so most people would say yes. ; It's a fun question to think about.
Is the Pacific the biggest ocean? ; Which ocean is the biggest? | Yes, the Pacific is the biggest ocean. ; It covers about a third of the Earth's surface.
Is Africa a country? | No, Africa is a continent with more than fifty countries. ; Nigeria, Egypt and Kenya are some of them.
Is Australia a continent? ; Is Australia a country or a continent? | Australia is both a country and a continent. ; It is the smallest continent.
Is Greenland a continent? | No, Greenland is an island, the biggest in the world. ; It is part of North America.
Is London in England? | Yes, London is the capital of England and of the United Kingdom. ; The river Thames flows through it.
Is the Amazon a river or a forest? | Both! The Amazon is a huge river and a huge rain forest in South America. ; The river flows through the forest.
Is lightning hotter than the sun? | Lightning is hotter than the surface of the sun for a very short moment. ; That is why lightning is so dangerous.
Is it safe to look at the sun? ; Can I look at the sun? | No, never look straight at the sun. ; It can hurt your eyes, even with sunglasses.
Is it safe to swim after eating? | Yes, for most people a light swim after eating is fine. ; If you ate a very big meal, you might want to rest a little first.
Do we only use ten percent of our brains? | No, that's a myth. ; We use all parts of our brains, just not all at the same time.
Does sugar make kids hyper? | Studies have not found that sugar makes kids hyper. ; But too much sugar is still not good for teeth.
Do carrots help you see in the dark? | Not really. ; Carrots have vitamin A, which helps keep eyes healthy, but they don't give you night vision.
Does cold weather give you a cold? | No, colds are caused by viruses, not by cold air. ; People catch more colds in winter because they spend more time indoors together.
Do goldfish have short memories? | No, goldfish can remember things for months. ; They can even learn tricks.
Can you see the Great Wall of China from space? | Not with your eyes alone from far out in space. ; It is very long, but it is narrow.
Do camels store water in their humps? | No, a camel's hump stores fat, not water.
Are tomatoes poisonous? | No, ripe tomatoes are safe and healthy to eat. ; The leaves and stems are not good to eat, though.
Is honesty important? | Yes, honesty helps people trust each other. ; Telling the truth builds strong friendships.
Is it okay to make mistakes? | Yes, everyone makes mistakes. ; Mistakes help us learn and get better.
Is it good to read every day? | Yes, reading every day helps your mind, your words and your imagination. ; Even ten minutes a day makes a difference.
Is breakfast important? | Breakfast gives you energy for the morning. ; Many people feel better and focus better after a good breakfast.
Is it bad to sleep with wet hair? | It won't make you sick, but it can leave your hair tangled. ; Dry it a little first if you can.
Is walking good exercise? | Yes, walking is great exercise. ; It is good for your heart, your mood and your joints.
Should I drink water every day? | Yes, your body needs water every day. ; Drink more when it's hot or when you exercise.
Which is bigger, the sun or the Earth? ; Is the sun bigger than the Earth? | The sun is much bigger than the Earth. ; About a million Earths could fit inside the sun.
Which is bigger, the sun or the moon? | The sun is far bigger than the moon. ; They look about the same size in the sky because the sun is so much farther away.
Which is bigger, an elephant or a mouse? | An elephant is much bigger than a mouse. ; Elephants are the biggest land animals.
Which is heavier, a kilo of feathers or a kilo of rocks? | They weigh the same, because both are one kilo. ; The rocks just take up less space.
Which is faster, a cheetah or a horse? | A cheetah is faster over a short distance. ; A horse can keep going for much longer, though.
Which is colder, the North Pole or the South Pole? | The South Pole is colder. ; It is high up on the ice of Antarctica, while the North Pole is on the sea.
Which is longer, a day or a week? | A week is longer, because it has seven days.
Which is bigger, a lake or an ocean? | An ocean is much bigger than a lake. ; Oceans are huge bodies of salt water.
Which is taller, a giraffe or an elephant? | A giraffe is taller. ; Giraffes are the tallest animals in the world.
Which is bigger, a continent or a country? | A continent is usually much bigger, because it holds many countries. ; Australia is special, because it is both.
Which came first, the chicken or the egg? | Eggs came first, because animals laid eggs long before there were chickens. ; It's still a fun puzzle to think about.
Which is healthier, water or soda? | Water is much healthier. ; Soda has a lot of sugar and no real nutrition.
Which planet is closest to the sun? | Mercury is the closest planet to the sun. ; It is also the smallest planet.
Which planet is the biggest? ; What is the biggest planet? | Jupiter is the biggest planet. ; It is a giant ball of gas.
Which planet is the hottest? | Venus is the hottest planet. ; Its thick clouds trap the heat.
Which planet has rings? ; What planet has rings? | Saturn is famous for its rings. ; Jupiter, Uranus and Neptune have thin, faint rings too.
Which is the coldest continent? | Antarctica is the coldest continent. ; It is covered in thick ice.
Which animal has the longest neck? | The giraffe has the longest neck of any animal. ; It helps giraffes reach leaves high up in trees.
Which bird can't fly? ; Name a bird that can't fly. | Penguins, ostriches and emus are birds that can't fly. ; Penguins swim instead, and ostriches run very fast.
Which animal is the slowest? | The sloth is one of the slowest animals. ; It moves so slowly that tiny green algae can grow on its fur.
Which animal sleeps the most? | Koalas are among the sleepiest animals. ; They can sleep for about eighteen to twenty hours a day.
What is the hardest natural material? | Diamond is the hardest natural material. ; Diamonds are made of carbon squeezed deep underground.
What is the largest organ of the body? | Your skin is your largest organ. ; It protects you and helps keep you at the right temperature.
What is the smallest bone in the body? | The smallest bone is in your ear. ; It is called the stirrup, and it helps you hear.
How many legs does an insect have? | An insect has six legs. ; Spiders have eight, so they are not insects.
How many hearts does an octopus have? | An octopus has three hearts. ; It also has blue blood.
How many teeth do adults have? | Most adults have thirty two teeth. ; Children have twenty baby teeth.
How many colors are in the rainbow? | A rainbow has seven main colors. ; They are red, orange, yellow, green, blue, indigo and violet.
How many minutes are in a day? | There are 1,440 minutes in a day. ; That's 24 hours times 60 minutes.
How many seconds are in an hour? | There are 3,600 seconds in an hour. ; That's 60 minutes times 60 seconds.
How many letters are in the alphabet? ; How many letters does the English alphabet have? | The English alphabet has 26 letters. ; Five of them, a, e, i, o and u, are vowels.
How many sides does a stop sign have? | A stop sign has eight sides. ; It is an octagon.
How many players are on a soccer team? | A soccer team has eleven players on the field. ; One of them is the goalkeeper.
How many strings does a guitar have? | Most guitars have six strings. ; A bass guitar usually has four.
How many keys does a piano have? | Most pianos have eighty eight keys. ; There are fifty two white keys and thirty six black keys.
How long does it take the moon to go around the Earth? | It takes the moon about a month, around twenty seven days. ; That is where the word month comes from.
How far away is the moon? | The moon is about 384,000 kilometers away. ; That is about 239,000 miles.
How far away is the sun? | The sun is about 150 million kilometers away. ; That's about 93 million miles.
How old is the Earth? | The Earth is about four and a half billion years old.
How deep is the ocean? | The ocean is about 3,700 meters deep on average. ; The deepest part is nearly 11,000 meters deep.
How fast does sound travel? | Sound travels about 343 meters per second in air. ; That's much slower than light.
How hot is the sun? | The surface of the sun is about 5,500 degrees Celsius. ; The center is millions of degrees.
How long do cats live? | Pet cats often live fifteen years or more with good care.
How long do dogs live? | Most dogs live about ten to thirteen years. ; Small dogs often live longer than big dogs.
How long can a person go without water? | Only about three days. ; That is why drinking water every day is so important.
How often should I water a cactus? | Not very often. ; In summer, water it when the soil is completely dry, and in winter even less.
Is a dolphin a fish? ; Are dolphins fish? | No, dolphins are mammals. ; They breathe air through a blowhole on top of their heads.
Is a bat blind? ; Can bats see? | No, bats can see. ; Many bats also use echoes to find their way in the dark.
Do cows drink milk? | Adult cows drink water, not milk. ; Calves drink their mothers' milk.
Do owls really turn their heads all the way around? | Not all the way, but owls can turn their heads about three quarters of a circle. ; That helps them look around without moving their bodies.
Do all birds fly? | No, some birds can't fly. ; Penguins, ostriches and kiwis can't fly.
Do elephants drink with their trunks? | Elephants suck water into their trunks and then squirt it into their mouths. ; They don't drink straight through the trunk like a straw.
Do ostriches bury their heads in the sand? | No, that's a myth. ; Ostriches lower their heads to turn their eggs in the nest, which may have started the story.
Are tomatoes and potatoes related? | Yes, tomatoes and potatoes are in the same plant family. ; Peppers and eggplants are in that family too.
Is coffee made from beans? | Coffee is made from the seeds of the coffee plant, which people call beans. ; The seeds are roasted and ground.
Is chocolate made from a plant? | Yes, chocolate comes from cocoa beans, the seeds of the cacao tree. ; The beans are dried, roasted and ground.
Is rice a grass? | Yes, rice is a kind of grass. ; Wheat, corn and oats are grasses too.
Is bread made from wheat? | Most bread is made from wheat flour. ; Some bread is made from rye, oats or other grains.
Is it safe to eat raw eggs? | It's safest to cook eggs until the yolk and white are firm. ; Raw eggs can sometimes carry germs.
Should I wash raw chicken? | No, washing raw chicken can spread germs around your kitchen. ; Cooking it all the way through is what makes it safe.
Is it okay to drink tap water? | In many places, tap water is safe to drink. ; If you're not sure, check with your local water company.
Can you eat the skin of a kiwi? | Yes, kiwi skin is safe to eat if you wash it well. ; Most people peel it, though, because it's fuzzy.
Can you eat banana peels? | Banana peels are not poisonous, but they are tough and bitter. ; Most people don't eat them.
Can you freeze bread? | Yes, bread freezes well. ; Slice it first so you can toast pieces straight from the freezer.
Can you freeze milk? | Yes, you can freeze milk, but it may separate a little. ; Shake it well after it thaws.
Can I cook pasta in the microwave? | Yes, you can, in a big bowl with plenty of water. ; Stir it now and then and check that it's soft.
Is the North Star the brightest star? | No, the North Star is not the brightest star. ; It is famous because it stays almost still in the northern sky.
Does the sun move? | The sun seems to move across the sky, but that's because the Earth spins. ; The sun does move through space, though, along with the whole solar system.
Is Mars red? | Yes, Mars looks red. ; Its dusty ground is full of rusty iron.
Is there water on the moon? | There is frozen water in some dark craters near the moon's poles. ; There are no lakes or rivers, though.
Can you hear sounds in space? | No, space is almost empty, so there is no air to carry sound.
Is the sun hot all the way through? | Yes, and the center is the hottest part. ; The center of the sun is millions of degrees.
Is a year exactly 365 days? | A year is about 365 and a quarter days. ; That's why we add a leap day every four years.
Is Monday the first day of the week? | In many countries, Monday is the first day of the week. ; In others, like the United States, calendars start on Sunday.
Is zero an even number? ; Is 0 even? | Yes, zero is an even number. ; It can be split into two equal groups of nothing.
Is one a prime number? | No, one is not a prime number. ; A prime number has exactly two factors, and one has only one.
What is a prime number? | A prime number is a number bigger than one that can only be divided evenly by one and itself. ; 2, 3, 5, 7 and 11 are prime numbers.
What is the biggest number? | There is no biggest number. ; You can always add one more.
How many zeros are in a million? | A million has six zeros. ; It is written 1,000,000.
How many sides does a hexagon have? | A hexagon has six sides. ; Honeycomb cells are hexagons.
How many days are in a year? | A year has 365 days, or 366 in a leap year.
How many hours do I need to sleep? | Most adults need about seven to nine hours of sleep. ; Children and teenagers need more.
How many glasses of water should I drink a day? | Many adults need about six to eight glasses of fluid a day. ; You need more when it's hot or when you exercise.
How long should I brush my teeth? | Brush your teeth for about two minutes. ; Do it twice a day.
How long does it take to boil an egg? | A soft boiled egg takes about six minutes, and a hard boiled egg about ten. ; Start timing when the water boils.
How long does it take to bake a cake? | Most cakes bake in thirty to forty five minutes. ; Check with a toothpick: if it comes out clean, the cake is done.
How long does bread last? | Fresh bread usually lasts a few days at room temperature. ; It lasts for months in the freezer.
How long do eggs last in the fridge? | Eggs usually stay good for three to five weeks in the fridge.
How long does it take to fly around the world? | Flying all the way around the world takes about two days of flying time. ; With stops, it usually takes longer.
How tall is the tallest person? | The tallest person ever measured was about 2.72 meters, or 8 feet and 11 inches tall.
How big is the Earth? | The Earth is about 40,000 kilometers around at the equator. ; That's about 25,000 miles.
How many people live on Earth? | About eight billion people live on Earth.
How many countries are there in the world? | There are about two hundred countries in the world. ; Most lists count 195.
How many states are in the United States? | The United States has fifty states.
What is the biggest city in the world? | Tokyo is often called the biggest city in the world, counting its whole area. ; Delhi and Shanghai are also among the biggest.
What is the smallest country in the world? | Vatican City is the smallest country in the world. ; It is inside the city of Rome.
What is the hottest place on Earth? | Death Valley in the United States holds the record for the hottest air temperature. ; Parts of the Sahara are extremely hot too.
What is the coldest place on Earth? | Antarctica is the coldest place on Earth. ; Temperatures there can drop below minus 80 degrees Celsius.
What is the biggest island in the world? | Greenland is the biggest island in the world.
What is the deepest lake in the world? | Lake Baikal in Russia is the deepest lake in the world.
What is the biggest lake in Africa? | Lake Victoria is the biggest lake in Africa.
Which country has the most people? | India and China have the most people of any countries. ; Each has more than a billion people.
Which is the longest river in Europe? | The Volga, in Russia, is the longest river in Europe.
Where do penguins live? | Most penguins live in the southern half of the world. ; Many live in Antarctica, and some live in South America, Africa and Australia.
Where do polar bears live? | Polar bears live in the Arctic, around the North Pole. ; They spend a lot of time on sea ice.
Where does chocolate come from? | Chocolate comes from cocoa beans, which grow on cacao trees in hot places. ; Many cocoa beans come from West Africa.
Where does rain go? | Rain soaks into the ground, flows into rivers and lakes, or rises back into the air. ; Then it forms clouds and falls again.
Where does paper come from? | Most paper is made from wood pulp from trees. ; A lot of paper is also made from recycled paper.
Where does milk come from? | Most milk comes from cows. ; Some milk comes from goats, sheep or plants like oats and soybeans.
Where does wool come from? | Wool comes mostly from sheep. ; Farmers cut the wool once a year, and it grows back.
Where does salt come from? | Salt comes from sea water and from salt mines underground.
What makes a rainbow? | Sunlight shining through raindrops makes a rainbow. ; The drops split the light into its colors.
Is a koala a bear? ; Are koalas bears? | No, koalas are not bears. ; They are marsupials, animals that carry their babies in a pouch.
Is a panda a bear? | Yes, the giant panda is a kind of bear. ; It eats mostly bamboo.
Is a seahorse a fish? | Yes, a seahorse is a fish. ; It swims upright and holds on to sea grass with its tail.
Is a starfish a fish? | No, a starfish is not a fish. ; That's why many people call it a sea star.
Is a jellyfish a fish? | No, a jellyfish is not a fish. ; It has no bones and no brain.
Is a turtle a reptile? | Yes, turtles are reptiles. ; They have scaly skin and lay eggs.
Is a frog a reptile? | No, a frog is an amphibian. ; Frogs start life in water as tadpoles.
Is a butterfly an insect? | Yes, a butterfly is an insect. ; It has six legs and three body parts.
Do snakes have bones? | Yes, snakes have lots of bones. ; A snake's backbone has hundreds of small bones.
Do giraffes make sounds? | Giraffes are usually quiet, but they can snort, grunt and hum.
Can penguins fly? | No, penguins can't fly. ; They use their wings like flippers to swim.
Can chickens fly? | Chickens can fly a little, but only for short distances.
Can pigs swim? | Yes, pigs can swim.
Can cows walk down stairs? | Cows can walk up stairs more easily than down. ; Going down is hard for them because of how their legs bend.
Can elephants jump? | No, elephants can't jump. ; They are too heavy, and their legs are built for walking.
Can goldfish live in a bowl? | Goldfish are happier in a bigger tank with a filter. ; A small bowl gets dirty very quickly.
Do plants need sunlight? | Yes, most plants need sunlight to make their food.
Do plants breathe? | Plants take in air through tiny holes in their leaves. ; They use carbon dioxide and give off oxygen.
Can plants grow without soil? | Yes, some plants can grow in water with added nutrients. ; This is called hydroponics.
Are mushrooms plants? | No, mushrooms are fungi, not plants. ; They don't make food from sunlight.
Is the ocean salty everywhere? | Yes, all the oceans are salty. ; Some seas are saltier than others.
Is it colder on top of a mountain? | Yes, it usually gets colder the higher you go. ; That's why tall mountains have snow on top.
Does it snow in the desert? | Yes, it can snow in some deserts, especially cold ones and high ones.
Does it rain on other planets? | Not water rain like on Earth. ; But some planets and moons have strange rain, like rain made of other liquids.
Is the sun getting bigger? | Very slowly, over billions of years. ; You don't need to worry about it.
Is there life on Mars? | No one has found life on Mars so far. ; Scientists keep looking for signs of tiny life there.
Is it safe to swim in a thunderstorm? | No, get out of the water as soon as you hear thunder. ; Water and lightning are a dangerous mix.
Is chocolate healthy? | Chocolate is a treat, so it's best in small amounts. ; Dark chocolate has less sugar than milk chocolate.
Is popcorn healthy? | Plain popcorn is a light, healthy snack with fiber. ; Lots of butter and salt make it less healthy.
Is fruit juice healthy? | Fruit juice has vitamins but also lots of sugar. ; Whole fruit is a better choice, because it has fiber.
Are eggs healthy? | Yes, eggs are a healthy food with lots of protein.
Is it okay to skip breakfast? | Some people feel fine without breakfast, and others need it for energy. ; If you skip it, make sure you eat well later.
Is it bad to eat late at night? | A big meal right before bed can make it harder to sleep. ; A small snack is usually fine.
Is it okay to nap during the day? | Yes, a short nap of twenty to thirty minutes can help you feel fresh. ; Long naps late in the day can make it hard to sleep at night.
Should I stretch every day? | Gentle stretching every day is good for most people. ; It helps you stay flexible.
Should I wear a helmet when I ride a bike? | Yes, always wear a helmet when you ride a bike. ; It protects your head if you fall.
Should I tell the truth even if it's hard? | Yes, being honest builds trust, even when it's hard. ; You can tell the truth in a kind way.
Is it okay to ask for help? | Yes, asking for help is smart, not weak. ; Everyone needs help sometimes.
Is it normal to feel nervous? | Yes, everyone feels nervous sometimes. ; It's your body's way of getting ready for something important.
""", ["asks*", "says*"])
# ===========================================================================
# Machinery: slots, sentences and replies
# ===========================================================================

# Every template used is recorded, to report how many distinct hand-written
# forms the corpus draws on (these sets are only counted, never iterated
# while generating, so hash order cannot change the output).
USER_FORMS = set()
ASSISTANT_FORMS = set()

VOWEL_SOUND_EXCEPTIONS = ("one", "uni", "use", "euro", "ukulele")
SILENT_H = ("hour", "honest", "herb")


def a_(phrase):
    """The phrase with 'a' or 'an' in front."""
    low = phrase.lower()
    if low.startswith(SILENT_H):
        return "an " + phrase
    if low.startswith(VOWEL_SOUND_EXCEPTIONS):
        return "a " + phrase
    return ("an " if low[:1] in "aeiou" else "a ") + phrase


def plural_of(noun):
    irregular = {"calf": "calves", "larva": "larvae", "child": "children"}
    if noun in irregular:
        return irregular[noun]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"


def third_person(verbs):
    """'meow and purr' -> 'meows and purrs'."""
    def one(v):
        if v.endswith(("s", "sh", "ch", "x", "z")):
            return v + "es"
        return v + "s"
    parts = re.split(r"( and | or )", verbs)
    return "".join(p if p.strip() in ("and", "or") else
                   " ".join([one(p.split()[0])] + p.split()[1:])
                   for p in parts)


def join_and(items):
    items = list(items)
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def number_words(n):
    if n < 20:
        return NUMBER_WORDS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS_WORDS[tens] + ("-" + NUMBER_WORDS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = NUMBER_WORDS[hundreds] + " hundred"
        return head + (" and " + number_words(rest) if rest else "")
    raise ValueError(n)


def after_abbreviation(before):
    """True when the text ends in an initial like 'D.C.' rather than a
    sentence."""
    return re.search(r"(^|[\s.])[A-Z]\.$", before) is not None


def tidy(text):
    """One space between words; a capital letter at each sentence start."""
    text = re.sub(r"\s+", " ", text).strip()
    out = []
    start = True
    for i, ch in enumerate(text):
        if start and ch.isalpha():
            ch = ch.upper()
            start = False
        elif start and not ch.isspace() and ch not in "\"'(":
            start = False
        out.append(ch)
        if ch in ".!?" and i + 1 < len(text) and text[i + 1] == " " and \
                not after_abbreviation(text[:i + 1]):
            start = True
    return "".join(out)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])")


def split_sentences(text):
    parts = SENTENCE_END.split(text.strip())
    merged = []
    for p in parts:
        if merged and after_abbreviation(merged[-1]) and \
                not p[:1].isupper():
            merged[-1] += " " + p
        else:
            merged.append(p)
    return merged


def count_sentences(text):
    return len(split_sentences(tidy(text))) if text else 0


class Ctx:
    """What a generator needs: the random source, the character named by the
    system prompt (or None) and whether answers must be one sentence."""

    def __init__(self, rng, persona=None, brief=False):
        self.rng = rng
        self.persona = persona
        self.brief = brief

    def chance(self, p):
        return self.rng.random() < p

    def pick(self, seq):
        return self.rng.choice(seq)

    def sample(self, seq, k):
        return self.rng.sample(seq, min(k, len(seq)))


def fill(template, slots):
    return template.format(**slots) if slots else template


def ask(ctx, forms, **slots):
    """A user message from one of the forms."""
    form = ctx.pick(forms)
    USER_FORMS.add(form)
    text = fill(form, slots)
    return text[:1].upper() + text[1:]


def say(ctx, forms, **slots):
    """An assistant sentence from one of the forms."""
    form = ctx.pick(forms)
    ASSISTANT_FORMS.add(form)
    return fill(form, slots)


def said(sentence):
    """A sentence taken from a fact table, recorded like a form."""
    ASSISTANT_FORMS.add(sentence)
    return sentence


def reply(ctx, body, intro=None, outro=None, limit=3):
    """Join an intro, the body sentences and an outro into a reply of at most
    `limit` sentences. With a one-sentence system prompt only the first
    sentence of the body is kept."""
    body = [b for b in body if b]
    first = split_sentences(tidy(body[0]))
    if ctx.brief:
        # "Wonderful!" alone says nothing: answer with the first sentence
        # that has some content.
        candidates = first + [x for b in body[1:]
                              for x in split_sentences(tidy(b))]
        return next((x for x in candidates if len(x.split()) > 2), first[0])
    if len(first) > limit:
        return " ".join(first[:limit])
    parts = []
    used = 0
    if intro and count_sentences(intro) + len(first) < limit:
        parts.append(intro)
        used += count_sentences(intro)
    for b in body:
        n = count_sentences(b)
        if used + n > limit:
            break
        parts.append(b)
        used += n
    if outro and used + count_sentences(outro) <= limit:
        parts.append(outro)
    return tidy(" ".join(parts))


# How people type: sometimes a greeting first, sometimes all lower case.
ASK_PREFIXES = words("""
Hi!; Hello.; Hey.; Hi there.; Quick question.; Question for you.;
I have a question.; Can I ask you something?; Hey, quick question.;
I was wondering about something.; Hello! I need some help.; Okay, next question.;
Good morning.; Hey there!
""")
GREETING_PREFIXES = ("Hi", "Hello", "Hey", "Good morning")
REPLY_GREETINGS = words("Hi!; Hello!; Hi there!; Hello there!; Hey!")


def casual(ctx, text, allow_prefix=True):
    """Vary how a user message is typed. Returns (text, greeted)."""
    greeted = False
    if allow_prefix and ctx.chance(0.12):
        prefix = ctx.pick(ASK_PREFIXES)
        greeted = prefix.startswith(GREETING_PREFIXES)
        text = prefix + " " + text
    if ctx.chance(0.06):
        text = text.lower().rstrip("?.!")
    elif ctx.chance(0.04):
        text = text.rstrip("?.!")
    return text, greeted


def turn(ctx, user, answer, allow_prefix=True):
    """One user/assistant exchange; greets back when the user greeted."""
    user, greeted = casual(ctx, user, allow_prefix)
    if greeted and not ctx.brief and ctx.chance(0.5) and \
            count_sentences(answer) < 3:
        answer = say(ctx, REPLY_GREETINGS) + " " + answer
    return (user, answer)


# ===========================================================================
# Generators. Each takes a Ctx and returns a list of (user, assistant) turns.
# ===========================================================================

# --- small talk ------------------------------------------------------------

# Questions about being a program make no sense to a named character.
NOT_FOR_CHARACTERS = {"how_old", "where_live", "do_you_sleep", "do_you_eat",
                      "feelings", "who_made_you", "time_now", "weather_now",
                      "languages"}
# Intents that only follow another turn, or have their own generator.
NOT_OPENERS = {"user_fine", "user_not_fine", "interesting"}

more_blocks(SMALL_TALK, """
== user_fine
? I'm good, thanks.
? Pretty good!
? Not bad.
? I'm fine, thank you.
? I'm okay.
? Great, thanks for asking!
? Doing well, thanks.
? All good!
- Glad to hear it!
- That's good to hear.
- Great!
- I'm happy to hear that.
+ What can I do for you today?
+ What would you like to talk about?
+ Is there anything on your mind?

== user_not_fine
? Not so good.
? Not great, honestly.
? I've been better.
? I'm a bit tired.
? Kind of stressed.
- I'm sorry to hear that.
- Oh no, I'm sorry.
- That doesn't sound fun.
+ Do you want to talk about it?
+ Is there anything I can do to help?
+ I hope the rest of your day gets better.
""")


def small_talk_keys():
    keys = []
    for key in SMALL_TALK:
        base = key.rstrip("+")
        if base not in keys and base not in NOT_OPENERS:
            keys.append(base)
    return keys


def small_talk_block(ctx, key):
    if ctx.persona and key + "+" in SMALL_TALK:
        return SMALL_TALK[key + "+"]
    return SMALL_TALK[key]


def small_talk_asks(key):
    asks = []
    for k in (key, key + "+"):
        if k in SMALL_TALK:
            asks += SMALL_TALK[k]["ask"]
    return asks


def persona_slots(ctx):
    p = ctx.persona
    if not p:
        return {}
    return {"name": p["name"], "role": p["role"], "a_role": a_(p["role"]),
            "me": said(ctx.pick(p["me"])),
            "mood": said(ctx.pick(CHARACTER_MOODS[p["group"]]))}


def small_talk_answer(ctx, key, **slots):
    block = small_talk_block(ctx, key)
    slots.update(persona_slots(ctx))
    first = say(ctx, block["say"], **slots)
    extra = None
    if block["more"] and ctx.chance(0.6):
        extra = say(ctx, block["more"], **slots)
    return reply(ctx, [first], outro=extra)


def gen_small_talk(ctx, key=None):
    keys = [k for k in small_talk_keys()
            if not (ctx.persona and k in NOT_FOR_CHARACTERS)]
    key = key or ctx.pick(keys)
    slots = {"user": ctx.pick(USER_NAMES),
             "a_role": a_(ctx.persona["role"]) if ctx.persona
             else "an assistant"}
    user = ask(ctx, small_talk_asks(key), **slots)
    turns = [turn(ctx, user, small_talk_answer(ctx, key, **slots),
                  allow_prefix=False)]
    if key == "how_are_you" and ctx.chance(0.4):
        follow = "user_fine" if ctx.chance(0.75) else "user_not_fine"
        turns.append(turn(ctx, ask(ctx, SMALL_TALK[follow]["ask"]),
                          small_talk_answer(ctx, follow), allow_prefix=False))
    return turns


def gen_persona_opener(ctx):
    """A question about the named character, so the system line matters."""
    return gen_small_talk(ctx, ctx.pick(["greet", "name", "name", "job",
                                         "job", "who_are_you", "job_details",
                                         "how_are_you", "whats_up"]))


def closing_turn(ctx, key=None):
    key = key or ctx.pick(["thanks", "thanks", "thanks", "bye", "ok",
                           "compliment"])
    return turn(ctx, ask(ctx, SMALL_TALK[key]["ask"]),
                small_talk_answer(ctx, key), allow_prefix=False)


# --- feelings --------------------------------------------------------------

FEELING_MORE_ASKS = words("""
What else can I do?; Any other ideas?; That might help. What else?;
Thanks. Anything else?; What else helps?; Okay. And?; What else might help?;
Do you have other ideas?""")


def gen_feelings(ctx):
    key = ctx.pick(list(FEELINGS))
    block = FEELINGS[key]
    care = say(ctx, block["say"])
    support = ctx.sample(block["more"], 3)
    first = [care] + [said(s) for s in support[:2]]
    turns = [turn(ctx, ask(ctx, block["ask"]), reply(ctx, first),
                  allow_prefix=False)]
    if ctx.chance(0.25) and len(support) > 2:
        turns.append(turn(ctx, ask(ctx, FEELING_MORE_ASKS),
                          reply(ctx, [said(support[2])],
                                intro=say(ctx, MORE_INTROS))))
    return turns


# --- favorites -------------------------------------------------------------

FAVORITE_ASKS = words("""
What's your favorite {cat}?; What is your favorite {cat}?;
Do you have a favorite {cat}?; Which {cat} do you like best?;
If you had to pick one {cat}, what would it be?;
What {cat} do you like the most?; Tell me your favorite {cat}.;
Got a favorite {cat}?; Which {cat} is the best?; What {cat} do you like?;
What's the best {cat}, in your opinion?; Pick a favorite {cat}.;
What {cat} would you pick?; If you could choose any {cat}, which one?;
What's a {cat} you like?""")
FAVORITE_SAYS = words("""
I don't have real favorites, but I like {item}.;
I can't really have favorites, but {item} sounds lovely.;
If I had to choose, I'd pick {item}.; I'd say {item}.;
I think I'd go with {item}.; Many people love {item}, and I can see why.;
{item} is a great choice.; I'm not a person, but if I could choose, I'd pick {item}.;
Good question! I'd go with {item}.
""")
FAVORITE_SAYS_CHARACTER = words("""
I love {item}.; My favorite is {item}.; I'd have to say {item}.; Easy, {item}!;
I really like {item}.; Probably {item}.
""")
FAVORITE_OUTROS = words("""
What's yours?; What about you?; Do you have a favorite {cat}?;
Which one do you like?; How about you?
""")
USER_FAVORITE = words("""
Mine is {item}.; I like {item} the most.; My favorite is {item}.;
I love {item}.; For me it's {item}.; I'd pick {item}.; I'd go with {item}.""")
USER_FAVORITE_FIRST = words("""
My favorite {cat} is {item}.; I really love {item}.;
{item} is my favorite {cat}.; I think {item} is the best {cat}.;
I like {item} best.""")
USER_FAVORITE_REPLIES = words("""
{item} is a great choice!; Nice choice!; Good pick!; Oh, I like that one too.;
That's a lovely choice.; Great taste!
""")


def favorite_items(key):
    return [tuple(p.strip() for p in line.split("|")) for line in
            FAVORITES[key]["say"]]


def gen_favorites(ctx):
    cat = ctx.pick(list(FAVORITES))
    items = ctx.sample(favorite_items(cat), 2)
    (item, why), (item2, why2) = items[0], items[-1]
    if ctx.chance(0.25):
        user = ask(ctx, USER_FAVORITE_FIRST, cat=cat, item=item)
        answer = reply(ctx, [say(ctx, USER_FAVORITE_REPLIES, item=item),
                             said(why)])
        return [turn(ctx, user, answer)]
    forms = FAVORITE_SAYS_CHARACTER if ctx.persona else FAVORITE_SAYS
    answer = reply(ctx, [say(ctx, forms, item=item), said(why)],
                   outro=say(ctx, FAVORITE_OUTROS, cat=cat)
                   if ctx.chance(0.5) else None)
    turns = [turn(ctx, ask(ctx, FAVORITE_ASKS, cat=cat), answer)]
    if item2 != item and ctx.chance(0.35):
        turns.append(turn(ctx, ask(ctx, USER_FAVORITE, item=item2),
                          reply(ctx, [say(ctx, USER_FAVORITE_REPLIES,
                                          item=item2), said(why2)]),
                          allow_prefix=False))
    return turns


# --- picking the lines that fit the question --------------------------------

STOPWORDS = set(words("""
what; when; where; which; should; does; doing; with; that; this; have; your;
about; there; they; them; their; from; more; some; want; need; help; tips;
good; best; make; like; really; always; keep; would; could; every; just;
much; many; know; than; then; into; will; been; because; also; anything;
something; other; people; thing; things; today; after; before; the; and;
you; are; why; how; can; did; was; has; had; her; his; its; our; out; not;
but; for; all; any; get; got; one; too; who; see; say; let; put; use; way;
yes; now; off; own; try; may; she; him; way; it's; don; isn
"""))


def stems(text):
    out = set()
    for w in re.findall(r"[a-z]+", text.lower()):
        if len(w) < 3 or w in STOPWORDS:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[:-len(suffix)]
                break
        out.add(w)
    return out


def best_match(question, lines):
    """Index of the line that best answers the question, or None. Words
    shared with many of the lines count for less."""
    line_stems = [stems(line) for line in lines]
    q = stems(question)

    def score(i):
        return sum(1.0 / sum(1 for ls in line_stems if w in ls)
                   for w in q & line_stems[i])
    if not lines:
        return None
    best = max(range(len(lines)), key=score)
    return best if score(best) > 0 else None


def relevant_first(question, lines):
    """Move the line that best answers the question to the front."""
    best = best_match(question, lines)
    if best is None:
        return lines
    return [lines[best]] + lines[:best] + lines[best + 1:]


# --- everyday chat ---------------------------------------------------------

# Intents where the user shares news: asking for more ideas makes no sense.
CHAT_NEWS = {"good_news", "bad_news", "birthday_today", "exam_done",
             "new_pet", "new_baby", "watch_sport", "retire", "beach_tomorrow",
             "concert", "new_home", "learning_drive", "day_off", "busy_day",
             "rain_plans_canceled", "awkward_mistake", "hiccups_now"}

CHAT_MORE_ASKS = words("""
What else?; Any other ideas?; Anything else?; Got any more ideas?;
What else could I do?; Hmm, what else?; Another idea?; Okay, and?;
Any other suggestions?; What else do you suggest?""")


def gen_chat(ctx):
    key = ctx.pick(list(CHAT))
    block = CHAT[key]
    user = ask(ctx, block["ask"])
    lines = relevant_first(user, ctx.sample(block["say"],
                                            len(block["say"])))[:2]
    extra = say(ctx, block["more"]) if block["more"] and ctx.chance(0.6) \
        else None
    turns = [turn(ctx, user, reply(ctx, [said(lines[0])], outro=extra))]
    if len(lines) > 1 and key not in CHAT_NEWS and ctx.chance(0.3):
        turns.append(turn(ctx, ask(ctx, CHAT_MORE_ASKS),
                          reply(ctx, [said(lines[1])]), allow_prefix=False))
    return turns


# --- advice ----------------------------------------------------------------

ADVICE_MORE_ASKS = words("""
Any other tips?; What else can I try?; Anything else?; Thanks! What else?;
Okay. Any more ideas?; Good idea. What else?; What if that doesn't work?;
Do you have more tips?; Can you give me more ideas?;
That helps. Anything else?; Any more advice?; What else would you suggest?""")
ADVICE_MORE_INTROS = words("""
Sure.; Of course.; You could also try these.; Here are a couple more.;
A few more ideas.; Yes, here are some more.; Sure, here you go.
""")


def gen_advice(ctx):
    key = ctx.pick(list(ADVICE))
    block = ADVICE[key]
    user = ask(ctx, block["ask"])
    tips = relevant_first(user, ctx.sample(block["say"], len(block["say"])))
    tips = [said(t) for t in tips[:5]]
    intro = say(ctx, block["intro"]) if block["intro"] and ctx.chance(0.45) \
        else None
    k = 2 if intro else ctx.pick([2, 3, 3])
    turns = [turn(ctx, user, reply(ctx, tips[:k], intro))]
    rest = tips[k:]
    if rest and ctx.chance(0.35):
        turns.append(turn(ctx, ask(ctx, ADVICE_MORE_ASKS),
                          reply(ctx, rest[:2], say(ctx, ADVICE_MORE_INTROS)),
                          allow_prefix=False))
    return turns


# --- how-to ----------------------------------------------------------------

HOWTO_ASKS = words("""
How do I {task}?; How can I {task}?; What's the best way to {task}?;
Can you tell me how to {task}?; Can you explain how to {task}?;
I need to {task}. How do I do it?; What are the steps to {task}?;
Teach me how to {task}.; How should I {task}?; Any tips on how to {task}?;
I don't know how to {task}.; Show me how to {task}.;
What's the easiest way to {task}?; Could you help me {task}?;
I want to {task}. Where do I start?; Explain how to {task}, please.;
What do I do to {task}?; Is it hard to {task}?; Can you teach me to {task}?;
What's the right way to {task}?; I have no idea how to {task}. Help?;
Is there a simple way to {task}?; Walk me through how to {task}.;
Give me the steps to {task}.""")
HOWTO_INTROS = words("""
Here's how.; Here's a simple way.; It's easy.; Sure!; Here's what to do.;
Let's do it step by step.; No problem.; It's simpler than it sounds.
""")
NEXT_ASKS = words("""
Then what?; What's next?; And after that?; Okay, then what?;
What do I do next?; Got it. Next?; And then?; Okay, done. Now what?;
What comes next?; Okay. What's the next step?; Next step, please.;
What do I do after that?""")
DONE_OUTROS = words("""
That's it!; And you're done.; That's all there is to it.; Enjoy!;
You're all set.
""")


def steps_turns(ctx, user, steps, tip, intro_p=0.3):
    """Give steps three at a time; "Then what?" gets the rest."""
    steps = [said(s) for s in steps]
    tip = said(tip) if tip else None
    intro = say(ctx, HOWTO_INTROS) if ctx.chance(intro_p) else None
    k = 2 if intro else 3
    first, rest = steps[:k], steps[k:]
    outro = tip if not rest else None
    turns = [turn(ctx, user, reply(ctx, first, intro, outro))]
    if rest and ctx.chance(0.55):
        outro = tip or (say(ctx, DONE_OUTROS) if ctx.chance(0.5) else None)
        turns.append(turn(ctx, ask(ctx, NEXT_ASKS), reply(ctx, rest, None,
                                                          outro),
                          allow_prefix=False))
    return turns


def gen_howto(ctx):
    task = ctx.pick(list(HOWTO))
    block = HOWTO[task]
    if block["ask"] and ctx.chance(0.4):
        user = ask(ctx, block["ask"])
    else:
        user = ask(ctx, HOWTO_ASKS, task=task)
    tip = block["more"][0] if block["more"] else None
    return steps_turns(ctx, user, block["say"], tip)


# --- dishes and meals ------------------------------------------------------

DISH_HOW_ASKS = words("""
How do I make {dish}?; How can I make {dish}?; How do you make {dish}?;
What's a simple recipe for {dish}?; Can you give me a recipe for {dish}?;
I want to make {dish}. How?; Teach me to make {dish}.;
What's the easiest way to make {dish}?; Recipe for {dish}?;
How would I make {dish} at home?; I'd like to cook {dish}. What do I do?;
Can you walk me through making {dish}?; What are the steps to make {dish}?;
Can you show me how to make {dish}?; How should I make {dish}?;
I've never made {dish}. How do I do it?""")
DISH_WHAT_ASKS = words("""
What {be} {dish}?; Have you heard of {dish}? What {be} {pron}?;
Can you tell me what {dish} {be}?; What exactly {be} {dish}?;
What do you know about {dish}?; Tell me about {dish}.""")
DISH_HAS_ASKS = words("""
What's in {dish}?; What do I need to make {dish}?;
What are the ingredients for {dish}?; What goes into {dish}?;
What ingredients do I need for {dish}?; What do I need for {dish}?;
What do you put in {dish}?""")
DISH_HAS_SAYS = words("""
You need {has}.; To make {dish}, you need {has}.; The main ingredients are {has}.;
{dish} {be} made with {has}.; For {dish}, get {has}.
""")
MEAL_ASKS = words("""
What should I have for {meal}?; Give me a {mealn} idea.;
What's good for {meal}?; What can I make for {meal}?; I need a {mealn} idea.;
Any ideas for {meal}?; What should I make for {meal} today?;
Suggest something for {meal}.; What's a healthy option for {meal}?;
What do you recommend for {meal}?; Help me decide what to have for {meal}.""")
MEAL_SAYS = words("""
How about {dish}?; You could make {dish}.; {dish} would be nice.;
Why not try {dish}?; I'd suggest {dish}.; {dish} {be} a good choice for {meal}.
""")
MEAL_NAMES = {"breakfast": "breakfast", "lunch": "lunch", "dinner": "dinner",
              "snack": "a snack", "dessert": "dessert", "drink": "a drink"}
FOLLOW_HOW_ASKS = words("""
How do I make {it}?; Sounds good. How do I make {it}?; How do I make that?;
Nice. What's the recipe?; Okay, how?; Can you tell me how to make {it}?;
That sounds good. How do I make {it}?; Yum. How?""")


def dish_slots(d):
    name = d["dish"]
    plural = (name.split()[-1].endswith("s") and name != "hummus"
              and not name.startswith(("a ", "an ")))
    return {"dish": name, "be": "are" if plural else "is",
            "it": "them" if plural else "it",
            "pron": "they" if plural else "it", "has": d["has"]}


def gen_dish(ctx):
    d = ctx.pick(DISHES)
    slots = dish_slots(d)
    r = ctx.rng.random()
    if r < 0.45:
        user = ask(ctx, DISH_HOW_ASKS, **slots)
        return steps_turns(ctx, user, d["steps"], None)
    if r < 0.65:
        answer = reply(ctx, [said(d["what"]),
                             say(ctx, DISH_HAS_SAYS, **slots)])
        turns = [turn(ctx, ask(ctx, DISH_WHAT_ASKS, **slots), answer)]
        if ctx.chance(0.4):
            turns += steps_turns(ctx, ask(ctx, FOLLOW_HOW_ASKS, **slots),
                                 d["steps"], None)[:1]
        return turns
    if r < 0.8:
        answer = reply(ctx, [say(ctx, DISH_HAS_SAYS, **slots)])
        return [turn(ctx, ask(ctx, DISH_HAS_ASKS, **slots), answer)]
    meal = ctx.pick(d["meals"])
    meal_slots = dict(slots, meal=MEAL_NAMES[meal], mealn=meal)
    answer = reply(ctx, [say(ctx, MEAL_SAYS, **meal_slots), said(d["what"])])
    turns = [turn(ctx, ask(ctx, MEAL_ASKS, **meal_slots), answer)]
    if ctx.chance(0.45):
        turns += steps_turns(ctx, ask(ctx, FOLLOW_HOW_ASKS, **slots),
                             d["steps"], None)[:1]
    return turns


# --- foods -----------------------------------------------------------------

FOOD_COLOR_ASKS = words("""
What color {be} {np}?; What color is {one}?; What's the color of {one}?;
{np}: what color {be} {they}?; What color does {one} have?;
""")
FOOD_COLOR_SAYS = words("""
{np} {be} {color}.; {one} is {color}.; {np} {be} usually {color}.
""")
FOOD_TASTE_ASKS = words("""
What {do} {np} taste like?; How {do} {np} taste?; What does {one} taste like?;
Is {one} sweet?; I've never tried {np}. What {be} {they} like?;
What's the taste of {np} like?; {be} {np} sweet or sour?; {do} {np} taste good?""")
FOOD_TASTE_SAYS = words("""
{np} {be} {taste}.; Most people find {np} {taste}.; {np} {be} usually {taste}.;
{one} is {taste}.
""")
FOOD_KIND_ASKS = words("""
Is {one} a fruit or a vegetable?; Is {one} a fruit?; Is {one} a vegetable?;
What kind of food is {one}?; {one}: fruit or vegetable?;
What type of food {be} {np}?; 
Which food group {be} {np} in?""")
FOOD_KIND_SAYS = words("""
{one} is {kind}.; {np} {be} {kinds}.
""")
FOOD_HEALTH_ASKS = words("""
{be} {np} healthy?; {be} {np} good for you?; Is it healthy to {eat} {np}?;
Should I {eat} more {np}?; {be} {np} bad for you?;
Why {be} {np} good for you?; {be} {np} a healthy food?;
Is it good to {eat} {np} every day?; What's healthy about {np}?""")
FOOD_FACT_ASKS = words("""
Tell me about {np}.; What do you know about {np}?;
Tell me something about {np}.; Give me a fun fact about {np}.;
What's interesting about {np}?; I want to learn about {np}.;
What are some fun facts about {np}?;
Tell me something interesting about {np}.; Where {do} {np} come from?""")
FOOD_FACT_INTROS = words("""
Sure!; Here are a few facts.; Here's something fun.; Okay!
""")
FOOD_LIKE_ASKS = words("""
Do you like {np}?; Do you enjoy {np}?; Have you ever tried {np}?;
{be} {np} tasty?; What do you think of {np}?; Are you a fan of {np}?""")
FOOD_LIKE_SAYS = words("""
I can't taste food, but lots of people love {np}.;
I don't eat, but {np} {be} very popular.; I can't eat, but I've heard great things about {np}.
""")
FOOD_LIKE_SAYS_CHARACTER = words("""
Yes, I like {np} a lot.; I do! {np} {be} one of my favorite foods.;
Yes, I enjoy {np}.; Sure, I like {np}.
""")
USER_LIKES_FOOD = words("""
I love {np}.; I really like {np}.; {np} {be} my favorite.;
I could {eat} {np} every day.; I just {ate} some {np}.;
I'm {eating} {np} right now.; {np} {be} so good.; I'm a big fan of {np}.""")
USER_LIKES_FOOD_SAYS = words("""
{np} {be} a great choice!; Yum, good choice.; Nice! {np} {be} lovely.;
That sounds tasty.; Great choice!
""")
THEY_ASKS = {
    "color": words("And what color {be} {they}?; What color {be} {they}?"),
    "taste": words("What {do} {they} taste like?; How {do} {they} taste?"),
    "health": words("{be} {they} healthy?; {be} {they} good for you?"),
    "facts": words("Tell me more about {them}.; What else should I know about {them}?"),
}


def food_slots(f):
    mass = not f["plural"]
    np = f["food"] if mass else f["plural"]
    return {"np": np, "one": f["food"] if mass else a_(f["food"]),
            "be": "is" if mass else "are", "do": "does" if mass else "do",
            "they": "it" if mass else "they", "them": "it" if mass else "them",
            "color": f["color"], "taste": f["taste"],
            "eat": "drink" if f["kind"] == "drink" else "eat",
            "ate": "drank" if f["kind"] == "drink" else "ate",
            "eating": "drinking" if f["kind"] == "drink" else "eating",
            "kind": FOOD_KINDS[f["kind"]],
            "kinds": FOOD_KINDS[f["kind"]] if mass else
            plural_of(FOOD_KINDS[f["kind"]][2:])}


def food_kind_sentences(ctx, f, s):
    if f["kind"] == "fruitveg":
        return [said("%s is a fruit, because it holds seeds, but people "
                     "usually cook it like a vegetable." % s["one"])]
    return [say(ctx, FOOD_KIND_SAYS, **s)]


def food_answer(ctx, f, s, what):
    if what == "color":
        return reply(ctx, [say(ctx, FOOD_COLOR_SAYS, **s)] +
                     [said(x) for x in ctx.sample(f["facts"], 1)])
    if what == "taste":
        return reply(ctx, [say(ctx, FOOD_TASTE_SAYS, **s)] +
                     [said(x) for x in ctx.sample(f["facts"], 1)])
    if what == "kind":
        return reply(ctx, food_kind_sentences(ctx, f, s) +
                     [said(x) for x in ctx.sample(f["facts"], 1)])
    if what == "health":
        return reply(ctx, [said(f["health"])] +
                     [said(x) for x in ctx.sample(f["facts"], 1)])
    facts = [said(x) for x in ctx.sample(f["facts"], 3)]
    return reply(ctx, facts, say(ctx, FOOD_FACT_INTROS)
                 if ctx.chance(0.3) else None)


FOOD_ASKS = {"color": FOOD_COLOR_ASKS, "taste": FOOD_TASTE_ASKS,
             "kind": FOOD_KIND_ASKS, "health": FOOD_HEALTH_ASKS,
             "facts": FOOD_FACT_ASKS}


def gen_food(ctx):
    f = ctx.pick(FOODS)
    s = food_slots(f)
    r = ctx.rng.random()
    if r < 0.12:
        forms = FOOD_LIKE_SAYS_CHARACTER if ctx.persona else FOOD_LIKE_SAYS
        answer = reply(ctx, [say(ctx, forms, **s),
                             say(ctx, FOOD_TASTE_SAYS, **s)])
        return [turn(ctx, ask(ctx, FOOD_LIKE_ASKS, **s), answer)]
    if r < 0.22:
        answer = reply(ctx, [say(ctx, USER_LIKES_FOOD_SAYS, **s),
                             said(ctx.pick(f["facts"] + [f["health"]]))])
        return [turn(ctx, ask(ctx, USER_LIKES_FOOD, **s), answer)]
    kinds = ["color", "taste", "health", "facts"]
    if f["kind"] in ("fruit", "vegetable", "fruitveg") or ctx.chance(0.3):
        kinds.append("kind")
    what = ctx.pick(kinds)
    turns = [turn(ctx, ask(ctx, FOOD_ASKS[what], **s),
                  food_answer(ctx, f, s, what))]
    if ctx.chance(0.3):
        other = ctx.pick([k for k in kinds if k != what])
        if other in ("color", "taste", "health", "facts"):
            turns.append(turn(ctx, ask(ctx, THEY_ASKS[other], **s),
                              food_answer(ctx, f, s, other),
                              allow_prefix=False))
    return turns


# --- animals ---------------------------------------------------------------

ANIMAL_ASKS = {
    "diet": words("""
What do {animals} eat?; What does {a_animal} eat?;
What food do {animals} eat?; What do {animals} like to eat?;
What do {animals} usually eat?; Do you know what {animals} eat?;
What kind of food do {animals} eat?; What is the diet of {a_animal}?;
What's a {animal}'s favorite food?; What should I feed {a_animal}?;
What do wild {animals} eat?; What does {a_animal} like to eat?;
Tell me what {animals} eat."""),
    "home": words("""
Where do {animals} live?; Where does {a_animal} live?;
Where can I find {animals}?; Where are {animals} found?;
What is the habitat of {a_animal}?; Where in the world do {animals} live?;
Where do you find {animals}?; Where does {a_animal} make its home?;
Where would I see {animals} in the wild?; Where are {animals} from?;
What kind of place do {animals} live in?"""),
    "sound": words("""
What sound does {a_animal} make?; What noise does {a_animal} make?;
What do {animals} sound like?; What sound do {animals} make?;
What noise do {animals} make?; Do {animals} make any noise?;
What does {a_animal} sound like?; How does {a_animal} sound?;
What kind of sound do {animals} make?"""),
    "baby": words("""
What is a baby {animal} called?; What do you call a baby {animal}?;
What's the name for a young {animal}?; What are baby {animals} called?;
What do you call a young {animal}?; What's a baby {animal}?;
What's a young {animal} called?; Is there a special name for a baby {animal}?;
What do we call {animals} when they're babies?"""),
    "class": words("""
What kind of animal is {a_animal}?; What type of animal is {a_animal}?;
What kind of animals are {animals}?; Is {a_animal} a {guess}?;
Are {animals} {guesses}?; Is {a_animal} a {guess} or a {other}?;
Is {a_animal} a mammal or not?; What group of animals do {animals} belong to?;
{animals}: are they {guesses}?"""),
    "can": words("""
Can {animals} {ability}?; Are {animals} able to {ability}?;
Can {a_animal} {ability}?; Is it true that {animals} can {ability}?;
Do {animals} know how to {ability}?; Can a {animal} {ability}?"""),
    "facts": words("""
Tell me about {animals}.; What do you know about {animals}?;
Tell me something about {animals}.; Give me a fact about {animals}.;
What's interesting about {animals}?; Tell me a fun fact about {animals}.;
I love {animals}! Tell me about them.; Teach me something about {animals}.;
What are {animals} like?; What are some facts about {animals}?;
Tell me everything about {animals}.; What's special about {animals}?;
I'm doing a school project on {animals}. What should I know?;
Share a fact about {animals}."""),
}
ANIMAL_FOLLOW_ASKS = {
    "diet": words("What do they eat?; And what do they eat?; What food do they like?"),
    "home": words("Where do they live?; And where do they live?; Where can I see them?"),
    "sound": words("What sound do they make?; What noise do they make?; Do they make a sound?"),
    "baby": words("What are their babies called?; What's a baby one called?; And the babies?"),
    "class": words("What kind of animal are they?; Are they mammals?; What type of animal is that?"),
    "can": words("Can they {ability}?; Are they able to {ability}?"),
    "facts": MORE_ASKS,
}
WHAT_ABOUT_ASKS = words("""
What about {animals}?; And {animals}?; How about {animals}?;
What about a {animal}?; And what about {animals}?;
What about a {animal}, then?; Okay, and {animals}?""")
ANIMAL_SAYS = {
    "diet": words("""
{animals} eat {diet}.; {a_animal} eats {diet}.; {animals} usually eat {diet}.;
The diet of {a_animal} is {diet}.; Mostly, {animals} eat {diet}."""),
    "home": words("""
{animals} live {home}.; You can find {animals} {home}.;
{a_animal} lives {home}.; Most {animals} live {home}.;
{animals} make their homes {home}."""),
    "sound": words("{a_animal} {sound3}.; {animals} {sound}.; The sound {a_animal} makes is called a {noun}."),
    "baby": words("""
A baby {animal} is called {a_baby}.; Baby {animals} are called {babies}.;
A young {animal} is called {a_baby}.; Young {animals} are called {babies}."""),
    "class": words("{a_animal} is {a_class}.; {animals} are {classes}."),
}
CLASS_YES = words("Yes, {a_animal} is {a_class}.; Yes! {animals} are {classes}.")
CLASS_NO = words("""
No, {a_animal} is not a {guess}. It's {a_class}.;
No. {animals} are {classes}, not {guesses}.
""")
CAN_YES = words("Yes, {animals} can {ability}.; Yes! {animals} can {ability}.; Yes, they can. {animals} can {ability}.")
CAN_NO = words("No, {animals} can't {ability}.; No, {animals} cannot {ability}.; Not really. {animals} can't {ability}.")
ANIMAL_FACT_INTROS = words("""
{animals} are amazing animals.; Sure!; Here are a few facts.; {animals} are fascinating.;
Here's something interesting.
""")

ABILITY = re.compile(r"([+-])([a-z ]+?)(?=\s*[+-]|$)")
ASKABLE_CLASSES = ["mammal", "bird", "fish", "reptile", "amphibian", "insect"]


def animal_abilities(a):
    return [(sign == "+", what.strip()) for sign, what in
            ABILITY.findall(a["can"])]


def animal_attrs(a):
    attrs = ["diet", "home", "facts", "facts"]
    if a["sound"]:
        attrs.append("sound")
    if a["baby"]:
        attrs.append("baby")
    if a["class"] in ANIMAL_CLASSES:
        attrs.append("class")
    if animal_abilities(a):
        attrs.append("can")
    return attrs


def animal_slots(ctx, a):
    s = {"animal": a["animal"], "animals": a["plural"],
         "a_animal": a_(a["animal"]), "diet": a["diet"], "home": a["home"],
         "cls": a["class"], "a_class": a_(a["class"]),
         "classes": plural_of(a["class"])}
    if a["sound"]:
        s["sound"] = a["sound"]
        s["sound3"] = third_person(a["sound"])
        s["noun"] = a["sound"].split()[0]
    if a["baby"]:
        s["a_baby"] = a_(a["baby"])
        s["babies"] = plural_of(a["baby"])
    guess = ctx.pick(ASKABLE_CLASSES)
    s["guess"], s["guesses"] = guess, plural_of(guess)
    s["other"] = ctx.pick([c for c in ASKABLE_CLASSES if c != guess])
    abilities = animal_abilities(a)
    if abilities:
        s["can"], s["ability"] = ctx.pick(abilities)
    return s


def animal_answer(ctx, a, attr, s, used_facts):
    extra = [f for f in a["facts"] if f not in used_facts]
    if attr == "facts":
        facts = ctx.sample(extra, 3) or ctx.sample(a["facts"], 2)
        used_facts.extend(facts)
        intro = say(ctx, ANIMAL_FACT_INTROS, **s) if ctx.chance(0.3) \
            else None
        return reply(ctx, [said(f) for f in facts], intro)
    if attr == "can":
        first = say(ctx, CAN_YES if s["can"] else CAN_NO, **s)
    elif attr == "class" and s["guess"] != a["class"] and \
            "{guess}" in s.get("_asked", ""):
        first = say(ctx, CLASS_NO, **s)
    elif attr == "class" and "{guess}" in s.get("_asked", ""):
        first = say(ctx, CLASS_YES, **s)
    else:
        first = say(ctx, ANIMAL_SAYS[attr], **s)
    body = [first]
    if attr == "class":
        body.append(said(ANIMAL_CLASSES[a["class"]]))
    if extra and ctx.chance(0.45):
        fact = ctx.pick(extra)
        used_facts.append(fact)
        body.append(said(fact))
    return reply(ctx, body)


def animal_question(ctx, forms, s):
    form = ctx.pick(forms)
    s["_asked"] = form
    USER_FORMS.add(form)
    text = fill(form, s)
    return text[:1].upper() + text[1:]


def gen_animal(ctx):
    a = ctx.pick(ANIMALS)
    s = animal_slots(ctx, a)
    attrs = animal_attrs(a)
    attr = ctx.pick(attrs)
    used = []
    user = animal_question(ctx, ANIMAL_ASKS[attr], s)
    turns = [turn(ctx, user, animal_answer(ctx, a, attr, s, used))]
    for _ in range(2):
        r = ctx.rng.random()
        if r < 0.3:
            nxt = ctx.pick([x for x in attrs if x != attr] or attrs)
            s = animal_slots(ctx, a)
            user = animal_question(ctx, ANIMAL_FOLLOW_ASKS[nxt], s)
            turns.append(turn(ctx, user, animal_answer(ctx, a, nxt, s, used),
                              allow_prefix=False))
            attr = nxt
        elif r < 0.45 and attr in ("diet", "home", "facts"):
            a = ctx.pick(ANIMALS)
            s = animal_slots(ctx, a)
            attrs = animal_attrs(a)
            used = []
            user = animal_question(ctx, WHAT_ABOUT_ASKS, s)
            turns.append(turn(ctx, user, animal_answer(ctx, a, attr, s, used),
                              allow_prefix=False))
        else:
            break
    return turns


# --- geography -------------------------------------------------------------

GEO_ASKS = {
    "capital": words("""
What is the capital of {country}?; What's the capital of {country}?;
What's the capital city of {country}?;
Which city is the capital of {country}?; Capital of {country}?;
Do you know the capital of {country}?; Tell me the capital of {country}.;
I forgot the capital of {country}. What is it?;
What city is the capital of {country}?; Name the capital of {country}.;
What's the main city of {country}'s government?;
Which city is {country}'s capital?; Quick one: capital of {country}?;
Can you tell me the capital of {country}?"""),
    "continent": words("""
What continent is {country} in?; Which continent is {country} on?;
Where is {country}?; Where is {country} located?;
On which continent is {country}?; What part of the world is {country} in?;
Is {country} in {guess}?; Which continent does {country} belong to?;
Is {country} in Asia or Europe?; Where in the world is {country}?"""),
    "language": words("""
What language do people speak in {country}?;
What language is spoken in {country}?; What do people speak in {country}?;
Which language do they speak in {country}?;
What language do they use in {country}?;
What languages are spoken in {country}?; What is the language of {country}?;
Do people in {country} speak English?;
What language would I hear in {country}?"""),
    "check": words("""
Is {city} the capital of {country}?; {city} is the capital of {country}, right?;
Is the capital of {country} {city}?; I think {city} is the capital of {country}. Am I right?"""),
    "big": words("""
What is the biggest city in {country}?; What's the largest city in {country}?;
Which city in {country} has the most people?;
What's the biggest city in {country}?;
Which is the biggest city in {country}?;
What's the most crowded city in {country}?"""),
    "facts": words("""
Tell me about {country}.; What is {country} known for?;
What is {country} famous for?; Tell me something about {country}.;
What do you know about {country}?;
I'm going to {country} soon. What should I know?;
Give me a fact about {country}.; I want to visit {country}. Tell me about it.;
What's {country} like?; Is {country} a nice place to visit?;
What should I know about {country}?; Tell me a fun fact about {country}."""),
    "reverse": words("""
{capital} is the capital of which country?;
Which country has {capital} as its capital?;
What country is {capital} the capital of?; Where is {capital}?;
What country is {capital} in?; Which country is {capital} in?;
In which country is {capital}?; {capital} is in which country?"""),
}
GEO_FOLLOW_ASKS = {
    "capital": words("And what's the capital?; What is its capital?; What's the capital there?"),
    "continent": words("What continent is it in?; Where is it?; And which continent is that?"),
    "language": words("What language do they speak there?; What do people speak there?; And the language?"),
    "facts": words("What is it known for?; Tell me more about it.; What's it famous for?"),
    "big": words("Is that the biggest city?; What's the biggest city there?"),
}
GEO_OTHER_ASKS = words("What about {country}?; And {country}?; How about {country}?")
GEO_SAYS = {
    "capital": words("""
The capital of {country} is {capital}.;
{capital} is the capital of {country}.; It's {capital}.;
The capital city of {country} is {capital}.;
{country}'s capital city is {capital}.; That would be {capital}."""),
    "continent": words("""
{country} is in {continent}.; {country} is a country in {continent}.;
You'll find {country} in {continent}."""),
    "language": words("""
People in {country} speak {languages}.;
In {country}, people speak {languages}.;
Most people in {country} speak {languages}.;
The language of {country} is {languages}."""),
    "reverse": words("""
{capital} is the capital of {country}.; It's the capital of {country}.;
{capital} is in {country}. It's the capital."""),
}
CONTINENT_YES = words("Yes, {country} is in {continent}.; Yes, it is. {country} is in {continent}.")
CONTINENT_NO = words("No, {country} is in {continent}, not {guess}.; No. {country} is in {continent}.")
CHECK_YES = words("Yes, {capital} is the capital of {country}.; That's right! {capital} is the capital of {country}.")
CHECK_NO = words("No, the capital of {country} is {capital}.; Not quite. The capital of {country} is {capital}.")
BIG_SAME = words("""
{capital} is the biggest city in {country}, and it's also the capital.;
The biggest city in {country} is {capital}, which is also the capital.
""")
BIG_OTHER = words("""
The biggest city in {country} is {big}.; {big} is the biggest city in {country}.
""")
BIG_OTHER_MORE = words("The capital is {capital}, though.; But the capital is {capital}.")
CAPITAL_MORE = words("Its capital is {capital}.; The capital is {capital}.")
CITY_ASKS = words("""
Where is {city}?; What country is {city} in?; Which country is {city} in?;
Tell me about {city}.; Is {city} in {guess}?; Where is the city of {city}?;
In which country is {city}?; Is {city} a big city?; What's {city} like?""")
CITY_SAYS = words("""
{city} is in {country}.; {city} is a city in {country}.;
You'll find {city} in {country}.""")
CITY_YES = words("Yes, {city} is in {country}.")
CITY_NO = words("No, {city} is in {country}, not {guess}.; No. {city} is in {country}.")
CONTINENT_LIST_ASKS = words("""
Name some countries in {continent}.; What countries are in {continent}?;
Can you name a few countries in {continent}?;
Tell me three countries in {continent}.; Which countries are in {continent}?;
Give me some countries in {continent}.""")
CONTINENT_LIST_SAYS = words("""
{list} are countries in {continent}.; Some countries in {continent} are {list}.;
For example, {list}.
""")
CONTINENT_FACT_ASKS = words("""
Tell me about {continent}.; What do you know about {continent}?;
What is {continent} like?; Tell me something about {continent}.;
Tell me a fact about {continent}.; What's interesting about {continent}?""")
OCEAN_ASKS = words("""
Tell me about the {ocean} Ocean.; Where is the {ocean} Ocean?;
What do you know about the {ocean} Ocean?; What is the {ocean} Ocean like?;
Tell me a fact about the {ocean} Ocean.; How big is the {ocean} Ocean?""")
CONTINENT_NAMES = [c["name"] for c in CONTINENTS]


def country_slots(ctx, c):
    conts = c["continent"].split(" and ")
    s = {"country": c["country"], "capital": c["capital"],
         "continent": c["continent"], "languages": c["languages"],
         "big": c["big"]}
    s["guess"] = ctx.pick(conts) if ctx.chance(0.5) else \
        ctx.pick([n for n in CONTINENT_NAMES if n != "Antarctica"])
    s["guess_ok"] = s["guess"] in conts
    cities = [x["city"] for x in CITIES if x["country"] == c["country"]]
    others = [x["capital"] for x in COUNTRIES if x is not c and
              x["continent"] == c["continent"]]
    s["city"] = c["capital"] if ctx.chance(0.4) or not (cities or others) \
        else ctx.pick(cities or others)
    return s


def geo_answer(ctx, c, attr, s, asked):
    """The answer; facts already told in this conversation are not
    repeated."""
    used = s.setdefault("_used", [])
    fresh = [f for f in c["facts"] if f not in used] or c["facts"]
    text = geo_reply(ctx, c, attr, s, asked, ctx.sample(fresh, 2))
    used.extend(f for f in fresh if f in text)
    return text


def geo_reply(ctx, c, attr, s, asked, facts):
    facts = [said(f) for f in facts]
    if attr == "continent" and "{guess}" in asked:
        first = say(ctx, CONTINENT_YES if s["guess_ok"] else CONTINENT_NO, **s)
        return reply(ctx, [first] + facts[:1])
    if attr == "check":
        if s["city"] == s["capital"]:
            return reply(ctx, [say(ctx, CHECK_YES, **s)] + facts[:1])
        body = [say(ctx, CHECK_NO, **s)]
        city = [x for x in CITIES if x["city"] == s["city"]]
        other = [x for x in COUNTRIES if x["capital"] == s["city"]]
        if city:
            body.append(said(city[0]["facts"][0]))
        elif other:
            body.append(said("%s is the capital of %s." %
                             (s["city"], other[0]["country"])))
        return reply(ctx, body)
    if attr == "big":
        if s["big"] == "=":
            return reply(ctx, [say(ctx, BIG_SAME, **s)])
        return reply(ctx, [say(ctx, BIG_OTHER, **s),
                           say(ctx, BIG_OTHER_MORE, **s)])
    if attr == "facts":
        intro = None
        return reply(ctx, facts + [say(ctx, CAPITAL_MORE, **s)], intro)
    first = say(ctx, GEO_SAYS[attr], **s)
    body = [first]
    if attr == "reverse":
        body.append(said("%s is in %s." % (tidy(s["country"]),
                                           s["continent"])))
    if ctx.chance(0.4):
        body += facts[:1]
    return reply(ctx, body)


def geo_attrs(c):
    attrs = ["capital", "capital", "continent", "language", "facts",
             "reverse", "check"]
    if c["big"]:
        attrs.append("big")
    return attrs


def gen_country(ctx):
    c = ctx.pick(COUNTRIES)
    s = country_slots(ctx, c)
    attr = ctx.pick(geo_attrs(c))
    forms = GEO_ASKS[attr]
    if attr == "reverse" and c["capital"] == c["country"]:
        attr, forms = "capital", GEO_ASKS["capital"]
    asked = ctx.pick(forms)
    USER_FORMS.add(asked)
    turns = [turn(ctx, tidy(fill(asked, s)), geo_answer(ctx, c, attr, s,
                                                        asked))]
    for _ in range(2):
        r = ctx.rng.random()
        if r < 0.3:
            nxt = ctx.pick([k for k in GEO_FOLLOW_ASKS if k != attr and
                            (k != "big" or (c["big"] and attr == "capital"))
                            and (k != "capital" or
                                 attr not in ("reverse", "check"))])
            asked = ctx.pick(GEO_FOLLOW_ASKS[nxt])
            USER_FORMS.add(asked)
            turns.append(turn(ctx, asked, geo_answer(ctx, c, nxt, s, asked),
                              allow_prefix=False))
            attr = nxt
        elif r < 0.45 and attr in ("capital", "language", "continent"):
            c = ctx.pick(COUNTRIES)
            s = country_slots(ctx, c)
            asked = ctx.pick(GEO_OTHER_ASKS)
            USER_FORMS.add(asked)
            turns.append(turn(ctx, tidy(fill(asked, s)),
                              geo_answer(ctx, c, attr, s, asked),
                              allow_prefix=False))
        else:
            break
    return turns


def gen_place(ctx):
    """Cities, continents and oceans."""
    r = ctx.rng.random()
    if r < 0.5:
        city = ctx.pick(CITIES)
        countries = [c["country"] for c in COUNTRIES]
        guess = city["country"] if ctx.chance(0.5) else ctx.pick(countries)
        s = {"city": city["city"], "country": city["country"],
             "guess": guess}
        asked = ctx.pick(CITY_ASKS)
        USER_FORMS.add(asked)
        if "{guess}" in asked:
            first = say(ctx, CITY_YES if guess == city["country"]
                        else CITY_NO, **s)
        else:
            first = say(ctx, CITY_SAYS, **s)
        facts = [f for f in city["facts"]
                 if tidy(city["country"]) not in f] or city["facts"][1:]
        facts = [said(f) for f in ctx.sample(facts, 2)]
        return [turn(ctx, tidy(fill(asked, s)), reply(ctx, [first] + facts))]
    if r < 0.75:
        cont = ctx.pick([c for c in CONTINENTS if c["name"] != "Antarctica"])
        names = [c["country"] for c in COUNTRIES
                 if cont["name"] in c["continent"].split(" and ")]
        s = {"continent": cont["name"],
             "list": join_and(ctx.sample(names, 3))}
        if ctx.chance(0.5):
            return [turn(ctx, ask(ctx, CONTINENT_LIST_ASKS, **s),
                         reply(ctx, [say(ctx, CONTINENT_LIST_SAYS, **s)] +
                               [said(cont["facts"][0])]))]
    else:
        cont = None
    if cont is None or ctx.chance(0.3):
        ocean = ctx.pick(OCEANS)
        return [turn(ctx, ask(ctx, OCEAN_ASKS, ocean=ocean["name"]),
                     reply(ctx, [said(f) for f in ocean["facts"]]))]
    return [turn(ctx, ask(ctx, CONTINENT_FACT_ASKS, continent=cont["name"]),
                 reply(ctx, [said(f) for f in
                             ctx.sample(cont["facts"], 3)]))]


# --- knowledge and definitions ---------------------------------------------

WHY_ASKS = words("""
Why?; How come?; Why is that?; Really? Why?; But why?; How does that work?;
Can you explain that?; Why does that happen?; Why is that so?;
What's the reason?""")
DEFINE_ASKS = words("""
What is {a_thing}?; What's {a_thing}?; Can you tell me what {a_thing} is?;
Explain {a_thing} to me.; What exactly is {a_thing}?;
I don't know what {a_thing} is. Can you explain?; Define {thing}.;
What does {thing} mean?; Do you know what {a_thing} is?;
What's the meaning of {thing}?; Tell me what {a_thing} is.;
My friend used the word {thing}. What is that?; Can you explain {a_thing} simply?;
What is {a_thing}, in simple words?; What is meant by {a_thing}?;
Could you explain {a_thing}?; I heard the word {thing}. What does it mean?;
What's {a_thing}, exactly?; Describe {a_thing} for me.;
Can you define {thing}?""")
DEFINE_FOLLOW_ASKS = words("""
Can you give me an example?; Tell me more.; What else?;
Interesting. Anything else?; Oh, I see. And?; Cool. What else should I know?;
Can you say more about that?; And what else?""")


SIMPLER_ASKS = words("""
Can you say that more simply?; In one sentence?; Can you make that shorter?;
What's the short answer?; Sorry, I didn't get that. Simpler, please?;
Can you explain it like I'm five?; So, in short?
""")
SIMPLER_INTROS = words("""
Sure.; In short:; Simply put:; Okay.; The short answer:
""")


def simpler_turn(ctx, first_sentence):
    """A follow-up asking for a shorter answer gets the first sentence."""
    return turn(ctx, ask(ctx, SIMPLER_ASKS),
                tidy(say(ctx, SIMPLER_INTROS) + " " + first_sentence),
                allow_prefix=False)


def knowledge_turns(ctx, block, asked=None):
    body = block["say"]
    user = asked or ask(ctx, block["ask"])
    first = ctx.pick(body[:1] + block["alt"])
    n = ctx.pick([1, 2, 2, 3])
    best = best_match(user, body[1:])
    sentences = [said(first)] + [said(b) for b in body[1:n]]
    if best is not None and best + 1 >= n:
        if best + 1 < 3:
            n = best + 2
            sentences = [said(first)] + [said(b) for b in body[1:n]]
        else:
            sentences = [said(first), said(body[best + 1])]
    turns = [turn(ctx, user, reply(ctx, sentences))]
    rest = [b for b in body[n:] if b not in sentences]
    if rest and ctx.chance(0.4):
        follow = WHY_ASKS if ctx.chance(0.4) else MORE_ASKS
        turns.append(turn(ctx, ask(ctx, follow),
                          reply(ctx, [said(b) for b in rest]),
                          allow_prefix=False))
    elif n > 1 and not ctx.brief and ctx.chance(0.1):
        turns.append(simpler_turn(ctx, split_sentences(tidy(first))[0]))
    return turns


def gen_knowledge(ctx):
    return knowledge_turns(ctx, KNOWLEDGE[ctx.pick(list(KNOWLEDGE))])


def gen_definition(ctx):
    d = ctx.pick(DEFINITIONS)
    thing = d["thing"]
    bare = re.sub(r"^(a|an|the) ", "", thing)
    user = ask(ctx, DEFINE_ASKS, a_thing=thing, thing=bare)
    says = [said(x) for x in d["says"]]
    n = ctx.pick([1, 2, 2, 3])
    turns = [turn(ctx, user, reply(ctx, says[:n]))]
    if says[n:] and ctx.chance(0.35):
        turns.append(turn(ctx, ask(ctx, DEFINE_FOLLOW_ASKS),
                          reply(ctx, says[n:]), allow_prefix=False))
    elif n > 1 and not ctx.brief and ctx.chance(0.1):
        turns.append(simpler_turn(ctx, says[0]))
    return turns


# --- weather ---------------------------------------------------------------

WEATHER_ASKS = {
    "wear": words("""
It's {w} today. What should I wear?; What should I wear on a {w} day?;
What do I wear when it's {w}?; How should I dress for {w} weather?;
It's {w} outside. What clothes should I put on?;
What should I wear? It's {w}.; What clothes are best for {w} weather?;
Do I need a coat when it's {w}?"""),
    "do": words("""
What can I do on a {w} day?; It's {w}. What should I do today?;
Any ideas for a {w} day?; What's fun to do when it's {w}?;
It's so {w} today. Any ideas?; What do people do on {w} days?;
What's a good activity for a {w} day?; How can I enjoy a {w} day?"""),
    "safe": words("""
How do I stay safe when it's {w}?; Any tips for {w} weather?;
Is {w} weather dangerous?; What should I be careful about when it's {w}?;
How do I stay safe in {w} weather?; Is it safe to go out when it's {w}?"""),
    "what": words("""
What is a {w} day like?; What does {w} weather mean?;
What happens on a {w} day?; It's {w} today.; The weather is {w} today.;
Looks like a {w} day.; What does it mean when it's {w}?;
It's really {w} out there."""),
}
WEATHER_INTROS = words("""
Sounds like a {w} day!; A {w} day, then.; Good question.; Okay!
""")


def gen_weather(ctx):
    w = ctx.pick(WEATHER)
    what = ctx.pick(list(WEATHER_ASKS))
    user = ask(ctx, WEATHER_ASKS[what], w=w["weather"])
    lines = [said(x) for x in ctx.sample(w[what], 2)]
    if what == "what":
        lines += [said(ctx.pick(w["do"]))]
    intro = say(ctx, WEATHER_INTROS, w=w["weather"]) \
        if what != "what" and ctx.chance(0.25) else None
    turns = [turn(ctx, user, reply(ctx, lines, intro))]
    if ctx.chance(0.3):
        nxt = ctx.pick([k for k in ("wear", "do", "safe") if k != what])
        follow = {"wear": "What should I wear?", "do": "What can I do?",
                  "safe": "Anything to be careful about?"}[nxt]
        USER_FORMS.add(follow)
        turns.append(turn(ctx, follow, reply(ctx, [said(x) for x in
                                                   ctx.sample(w[nxt], 2)]),
                          allow_prefix=False))
    return turns


# --- hobbies, sports, music and jobs --------------------------------------

HOBBY_ASKS = {
    "start": words("""
How do I get started with {hobby}?; I want to start {hobby}.;
How can I get into {hobby}?; I'm new to {hobby}. Any tips?;
How do I begin {hobby}?; Tips for {hobby}?;
I'd like to try {hobby}. Where do I start?;
Any advice for a beginner at {hobby}?; What's the first step in {hobby}?;
How do beginners start {hobby}?; I want to learn {hobby}. Tips?"""),
    "why": words("""
Is {hobby} a good hobby?; Why should I try {hobby}?;
What's good about {hobby}?; Is {hobby} fun?; Should I take up {hobby}?;
Why do people like {hobby}?; What do people like about {hobby}?;
Is {hobby} good for you?"""),
    "need": words("""
What do I need for {hobby}?; What do I need to start {hobby}?;
What equipment do I need for {hobby}?;
Do I need anything special for {hobby}?; What should I buy to start {hobby}?;
Is {hobby} expensive to start?"""),
    "likes": words("""
I love {hobby}.; I enjoy {hobby}.; My hobby is {hobby}.;
I've been {hobby} a lot lately.; I just started {hobby}.;
I'm really into {hobby}.; {hobby} is my favorite thing to do.;
I spend my weekends {hobby}."""),
    "suggest": words("""
What hobby should I try?; I need a new hobby.; Suggest a hobby for me.;
What's a good hobby?; Can you recommend a hobby?;
I want a new hobby. Any ideas?; What's a fun hobby to try?;
What's a relaxing hobby?; Give me a hobby idea.;
What hobby would you recommend?"""),
}
HOBBY_LIKE_SAYS = words("""
That's a great hobby!; How nice!; That sounds like fun.; What a lovely hobby.;
Good for you!
""")
HOBBY_LIKE_OUTROS = words("""
How long have you been {hobby}?; What do you enjoy most about it?;
What got you into it?
""")
HOBBY_SUGGEST_SAYS = words("""
How about {hobby}?; You could try {hobby}.; {hobby} is a nice one to try.;
Why not try {hobby}?; Many people enjoy {hobby}.
""")


def gen_hobby(ctx):
    h = ctx.pick(HOBBIES)
    s = {"hobby": h["hobby"]}
    what = ctx.pick(list(HOBBY_ASKS))
    user = ask(ctx, HOBBY_ASKS[what], **s)
    if what == "start":
        answer = reply(ctx, [said(x) for x in ctx.sample(h["start"], 3)])
    elif what == "why":
        answer = reply(ctx, [said(x) for x in h["why"]] +
                       [said(h["start"][0])])
    elif what == "need":
        answer = reply(ctx, [said(h["need"]), said(h["start"][0])])
    elif what == "likes":
        answer = reply(ctx, [say(ctx, HOBBY_LIKE_SAYS), said(h["why"][0])],
                       outro=say(ctx, HOBBY_LIKE_OUTROS, **s))
    else:
        answer = reply(ctx, [say(ctx, HOBBY_SUGGEST_SAYS, **s),
                             said(ctx.pick(h["why"]))])
    turns = [turn(ctx, user, answer)]
    if what in ("suggest", "why") and ctx.chance(0.4):
        follow = ctx.pick(["How do I start?", "Where do I begin?",
                           "What do I need?", "Sounds good. How do I start?"])
        USER_FORMS.add(follow)
        lines = [said(h["need"])] if "need" in follow else \
            [said(x) for x in ctx.sample(h["start"], 2)]
        turns.append(turn(ctx, follow, reply(ctx, lines), allow_prefix=False))
    return turns


SPORT_ASKS = {
    "how": words("""
How do you play {sport}?; What are the rules of {sport}?;
How does {sport} work?; Explain {sport} to me.;
Can you explain the rules of {sport}?; How do you win at {sport}?;
What's the goal in {sport}?; How do you score in {sport}?"""),
    "need": words("""
What do I need to play {sport}?; What equipment do you need for {sport}?;
What do you need for {sport}?; What gear do I need for {sport}?"""),
    "players": words("""
How many players are on a {sport} team?; How many people play on a {sport} team?;
How many players does a {sport} team have?"""),
    "facts": words("""
Tell me about {sport}.; What do you know about {sport}?;
Tell me something about {sport}.; Give me a fun fact about {sport}.;
What's interesting about {sport}?"""),
    "likes": words("""
I love {sport}.; I play {sport} every week.; I'm learning {sport}.;
{sport} is my favorite sport.; I watch {sport} every weekend."""),
}
SPORT_NEED_SAYS = words("To play {sport}, you need {need}.; You need {need}.")
SPORT_PLAYERS_SAYS = words("""
A {sport} team has {players} players on the field at a time.;
Each {sport} team plays with {players} players at a time.;
There are {players} players on a {sport} team during play.
""")
SPORT_LIKE_SAYS = words("""
That's great! {sport} is a lot of fun.; Nice! {sport} is great exercise.;
How fun!; {sport} is a great choice.
""")
SPORT_LIKE_OUTROS = words("""
Do you play on a team?; How long have you been playing?; What do you like most about it?
""")


def gen_sport(ctx):
    sp = ctx.pick(SPORTS)
    s = {"sport": sp["sport"], "need": sp["need"], "players": sp["players"]}
    kinds = ["how", "need", "facts", "likes"] + (["players"] if sp["players"]
                                                 else [])
    what = ctx.pick(kinds)
    user = ask(ctx, SPORT_ASKS[what], **s)
    if what == "how":
        answer = reply(ctx, [said(x) for x in sp["how"]] +
                       [said(x) for x in ctx.sample(sp["facts"], 1)])
    elif what == "need":
        answer = reply(ctx, [say(ctx, SPORT_NEED_SAYS, **s),
                             said(sp["how"][0])])
    elif what == "players":
        field = {"hockey": "ice", "basketball": "court",
                 "volleyball": "court"}.get(sp["sport"])
        first = say(ctx, SPORT_PLAYERS_SAYS, **s)
        if field:
            first = first.replace("field", field)
        answer = reply(ctx, [first, said(sp["how"][0])])
    elif what == "facts":
        answer = reply(ctx, [said(x) for x in ctx.sample(sp["facts"], 2)] +
                       [said(sp["how"][0])])
    else:
        answer = reply(ctx, [say(ctx, SPORT_LIKE_SAYS, **s),
                             said(ctx.pick(sp["facts"]))],
                       outro=say(ctx, SPORT_LIKE_OUTROS))
    return [turn(ctx, user, answer)]


INSTRUMENT_ASKS = {
    "how": words("""
How do you play the {name}?; How is the {name} played?;
How does the {name} work?; How do people play the {name}?"""),
    "family": words("""
What kind of instrument is the {name}?; What type of instrument is the {name}?;
Is the {name} a string instrument?; What family does the {name} belong to?"""),
    "facts": words("""
Tell me about the {name}.; What do you know about the {name}?;
Tell me something about the {name}.; I want to learn the {name}.;
Is the {name} hard to learn?; What's special about the {name}?"""),
}
INSTRUMENT_FAMILY_SAYS = words("""
The {name} is {family}.; The {name} belongs to the {group} family.
""")
LEARN_INSTRUMENT = words("""
Every instrument takes practice, so play a little every day.;
A teacher or good online lessons can help you learn the right way.;
Start with simple songs and go slowly.
""")
GENRE_ASKS = {
    "music": words("""
What is {genre} music?; What does {genre} music sound like?;
What kind of music is {genre}?; Tell me about {genre} music.;
Describe {genre} music."""),
    "movie": words("""
What is a {genre} movie?; What's a {genre} film?;
What kind of movie is a {genre}?; What are {genre} movies like?;
Describe a {genre} movie."""),
    "book": words("""
What is a {genre} book?; What kind of book is a {genre}?; What are {genre} books?;
What do you find in a {genre} book?"""),
}


def gen_music(ctx):
    if ctx.chance(0.5):
        g = ctx.pick(GENRES)
        user = ask(ctx, GENRE_ASKS[g["kind"]], genre=g["genre"])
        return [turn(ctx, user, reply(ctx, [said(g["what"])]))]
    i = ctx.pick(INSTRUMENTS)
    s = {"name": i["name"], "family": i["family"],
         "group": i["family"].split()[-2]}
    what = ctx.pick(list(INSTRUMENT_ASKS))
    asked = ctx.pick(INSTRUMENT_ASKS[what])
    USER_FORMS.add(asked)
    user = tidy(fill(asked, s))
    if what == "how":
        body = [said(i["how"])] + [said(x) for x in ctx.sample(i["facts"], 1)]
    elif what == "family":
        first = say(ctx, INSTRUMENT_FAMILY_SAYS, **s)
        if "string instrument" in asked:
            yes = "string" in i["family"]
            first = ("Yes, " if yes else "No, ") + first[0].lower() + first[1:]
        body = [first, said(i["how"])]
    elif "learn" in asked:
        body = [said(i["how"]), say(ctx, LEARN_INSTRUMENT)]
    else:
        body = [said(x) for x in i["facts"]] + [said(i["how"])]
    return [turn(ctx, user, reply(ctx, body))]


JOB_ASKS = {
    "does": words("""
What does {a_job} do?; What do {jobs} do?; What is {a_job}?;
What's it like to be {a_job}?; Tell me about being {a_job}.;
What is the job of {a_job}?; What does {a_job} do all day?;
What kind of work does {a_job} do?; What are the duties of {a_job}?;
What does a day look like for {a_job}?"""),
    "learn": words("""
How do I become {a_job}?; How can I be {a_job}?;
What do I need to become {a_job}?; I want to be {a_job} when I grow up.;
How do people become {jobs}?; I want to work as {a_job}. How do I start?;
What should I study to be {a_job}?; What training does {a_job} need?"""),
}
JOB_LEARN_INTROS = words("""
That's a great goal!; Good choice!; That's a wonderful job.; Great idea!
""")


def gen_job(ctx):
    j = ctx.pick(JOBS)
    s = {"job": j["job"], "a_job": a_(j["job"]), "jobs": j["plural"]}
    what = ctx.pick(list(JOB_ASKS))
    asked = ctx.pick(JOB_ASKS[what])
    USER_FORMS.add(asked)
    user = tidy(fill(asked, s))
    if what == "does":
        n = ctx.pick([1, 2, 3])
        answer = reply(ctx, [said(x) for x in j["does"][:n]])
    else:
        intro = say(ctx, JOB_LEARN_INTROS) if "want" in asked else None
        answer = reply(ctx, [said(j["learn"]), said(j["does"][0])], intro)
    return [turn(ctx, user, answer)]


# --- colors, shapes, planets and senses ------------------------------------

COLOR_ASKS = words("""
What color is {thing}?; What's the color of {thing}?; Which color is {thing}?;
What color is {thing} usually?; Tell me the color of {thing}.;
Do you know what color {thing} is?; What color would {thing} be?""")
COLOR_SAYS = words("{thing} is {color}.; The color of {thing} is {color}.")
MIX_ASKS = words("""
What do you get when you mix {c1} and {c2}?;
What color do {c1} and {c2} make?;
If I mix {c1} and {c2} paint, what color do I get?;
What happens if I mix {c1} and {c2}?; {c1} plus {c2} makes what color?;
Mixing {c1} and {c2} gives what color?;
If you combine {c1} and {c2}, what do you get?""")
MIX_SAYS = words("""
Mixing {c1} and {c2} makes {c3}.; {c1} and {c2} make {c3}.; You get {c3}.;
If you mix {c1} and {c2} paint, you get {c3}.
""")
MAKE_COLOR_ASKS = words("""
How do I make {c3} paint?; How do you make the color {c3}?;
What colors make {c3}?; Which two colors make {c3}?;
How can I get {c3} from other colors?""")
MAKE_COLOR_SAYS = words("""
Mix {c1} and {c2} to make {c3}.; {c3} is made by mixing {c1} and {c2}.;
You can make {c3} by mixing {c1} and {c2}.
""")
NAME_COLOR_ASKS = words("""
Name something {color}.; What things are {color}?;
Tell me some things that are {color}.; What is {color}?;
Can you name some {color} things?""")
NAME_COLOR_SAYS = words("""
{list} are all {color}.; Some {color} things are {list}.; For example, {list}.
""")
PRIMARY_ASKS = words("""
What are the primary colors?; Which colors are primary colors?; What are the three primary colors?
""")
RAINBOW_NEXT_ASKS = words("""
What color comes after {c} in a rainbow?; In a rainbow, what comes after {c}?;
Which color is next to {c} in the rainbow?
""")
SHAPE_ASKS = words("""
How many sides does a {shape} have?; How many corners does a {shape} have?;
What does a {shape} look like?; Tell me about a {shape}.; Describe a {shape}.;
How many corners are on a {shape}?""")
SHAPE_FROM_SIDES_ASKS = words("""
What shape has {word} sides?; What do you call a shape with {word} sides?;
Which shape has {n} sides?
""")
PLANET_ASKS = words("""
Tell me about {planet}.; What is {planet} like?;
What do you know about {planet}?; Where is {planet} in the solar system?;
Tell me something about the planet {planet}.; What's special about {planet}?;
Can you describe {planet}?""")
PLANET_ORDER_ASKS = words("""
Which planet is {order} from the sun?;
What is the {order} planet from the sun?;
Which planet comes {order} from the sun?; Which is the {order} planet?""")
PLANET_ORDER_SAYS = words("""
{planet} is the {order} planet from the sun.; The {order} planet from the sun is {planet}.
""")
SENSES_ASKS = words("""
What are the five senses?; How many senses do we have?; Name the five senses.;
What are our senses?
""")
SENSE_ASKS = words("""
Which body part do we use for {sense}?; What do we use for the sense of {sense}?;
What part of the body is used for {sense}?
""")


def simple_colored(color):
    return [t["thing"] for t in COLORED_THINGS
            if re.fullmatch(r"(usually )?" + color, t["color"])]


def gen_color(ctx):
    r = ctx.rng.random()
    if r < 0.35:
        t = ctx.pick(COLORED_THINGS)
        s = {"thing": t["thing"], "color": t["color"]}
        return [turn(ctx, ask(ctx, COLOR_ASKS, **s),
                     reply(ctx, [say(ctx, COLOR_SAYS, **s)]))]
    c1, c2, c3 = ctx.pick(COLOR_MIXES)
    if ctx.chance(0.5):
        c1, c2 = c2, c1
    s = {"c1": c1, "c2": c2, "c3": c3}
    if r < 0.55:
        return [turn(ctx, ask(ctx, MIX_ASKS, **s),
                     reply(ctx, [say(ctx, MIX_SAYS, **s)]))]
    if r < 0.65:
        return [turn(ctx, ask(ctx, MAKE_COLOR_ASKS, **s),
                     reply(ctx, [say(ctx, MAKE_COLOR_SAYS, **s)]))]
    if r < 0.8:
        color = ctx.pick(["green", "white", "black", "red", "orange",
                          "yellow"])
        things = ctx.sample(simple_colored(color), 3)
        s = {"color": color, "list": join_and(things)}
        return [turn(ctx, ask(ctx, NAME_COLOR_ASKS, **s),
                     reply(ctx, [say(ctx, NAME_COLOR_SAYS, **s)]))]
    if r < 0.9:
        return [turn(ctx, ask(ctx, PRIMARY_ASKS),
                     reply(ctx, [said("The primary colors are %s." %
                                      PRIMARY_COLORS),
                                 said("You can mix them to make many other "
                                      "colors.")]))]
    i = ctx.rng.randrange(len(RAINBOW) - 1)
    s = {"c": RAINBOW[i], "next": RAINBOW[i + 1]}
    return [turn(ctx, ask(ctx, RAINBOW_NEXT_ASKS, **s),
                 reply(ctx, [say(ctx, ["{next} comes after {c} in a rainbow.",
                                       "After {c} comes {next}."], **s),
                             said("The order is red, orange, yellow, green, "
                                  "blue, indigo and violet.")]))]


def gen_shape_planet(ctx):
    r = ctx.rng.random()
    if r < 0.35:
        sh = ctx.pick(SHAPES)
        s = dict(sh)
        user = ask(ctx, SHAPE_ASKS, **s)
        if sh["n"] == "0":
            first = said("A circle has no sides or corners. It is "
                         "perfectly round.")
        elif "corners" in user:
            first = say(ctx, ["A {shape} has {word} corners.",
                              "{word} corners."], **s)
        else:
            first = say(ctx, ["A {shape} has {word} sides and {extra}.",
                              "A {shape} has {word} sides."], **s)
        return [turn(ctx, user, reply(ctx, [first]))]
    if r < 0.45:
        sh = ctx.pick([x for x in SHAPES if x["n"] not in ("0", "4")])
        return [turn(ctx, ask(ctx, SHAPE_FROM_SIDES_ASKS, **sh),
                     reply(ctx, [say(ctx, ["A {shape} has {word} sides.",
                                           "That's a {shape}."], **sh)]))]
    if r < 0.75:
        p = ctx.pick(PLANETS)
        s = {"planet": p["planet"], "order": p["order"]}
        if ctx.chance(0.35):
            return [turn(ctx, ask(ctx, PLANET_ORDER_ASKS, **s),
                         reply(ctx, [say(ctx, PLANET_ORDER_SAYS, **s),
                                     said(p["facts"][0])]))]
        return [turn(ctx, ask(ctx, PLANET_ASKS, **s),
                     reply(ctx, [said(p["facts"][0]),
                                 say(ctx, PLANET_ORDER_SAYS, **s),
                                 said(p["facts"][1])]))]
    if r < 0.85:
        return [turn(ctx, ask(ctx, SENSES_ASKS),
                     reply(ctx, [said("We have five senses: sight, hearing, "
                                      "smell, taste and touch."),
                                 said("They tell us about the world around "
                                      "us.")]))]
    se = ctx.pick(SENSES)
    return [turn(ctx, ask(ctx, SENSE_ASKS, sense=se["sense"]),
                 reply(ctx, [said("We use %s for %s." % (se["organ"],
                                                         se["sense"])),
                             said(se["what"])]))]


# --- calendar, time and units ----------------------------------------------

CAL_ASKS = {
    "next_day": words("""
What day comes after {day}?; What's the day after {day}?; Which day is after {day}?;
If today is {day}, what is tomorrow?"""),
    "prev_day": words("""
What day comes before {day}?; What's the day before {day}?;
If today is {day}, what was yesterday?"""),
    "next_month": words("""
What month comes after {month}?; Which month is after {month}?; What's the month after {month}?"""),
    "month_days": words("""
How many days are in {month}?; How many days does {month} have?; How long is {month}?"""),
    "month_order": words("""
What is the {ord} month of the year?; Which month is number {n}?; What's month {n}?"""),
    "month_number": words("""
What number month is {month}?; Is {month} early or late in the year?; Where is {month} in the year?"""),
    "month_season": words("""
What season is {month} in?; Is {month} in summer or winter?; What's the weather season in {month}?"""),
    "next_season": words("""
What season comes after {season}?; What comes after {season}?; Which season follows {season}?"""),
    "weekend": words("""
Which days are the weekend?; What days are weekend days?; When is the weekend?"""),
    "days_list": words("""
What are the days of the week?; Name the days of the week.; Can you list the days of the week?"""),
    "months_list": words("""
What are the months of the year?; Name the twelve months.; Can you list the months in order?"""),
}
UNIT_ASKS = words("""
How many {small} are in {big}?; How many {small} make {big}?;
How many {small} are there in {big}?; {big}: how many {small} is that?;
How many {small} in {big}?; How many {small} does {big} have?;
Do you know how many {small} are in {big}?""")
UNIT_SAYS = words("""
There are {n} {small} in {big}.; {big} has {n} {small}.; {n} {small} make {big}.
""")


def gen_calendar(ctx):
    what = ctx.pick(list(CAL_ASKS) + ["units", "units", "units"])
    if what == "units":
        u = ctx.pick(UNITS)
        if "," in u["n"]:
            head, tail = u["n"].split(", ")
            answer = say(ctx, ["There are {head} {small} in {big}, {tail}.",
                               "{big} has {head} {small}, {tail}."],
                         head=head, tail=tail, small=u["small"], big=u["big"])
        else:
            answer = say(ctx, UNIT_SAYS, **u)
        return [turn(ctx, ask(ctx, UNIT_ASKS, **u), reply(ctx, [answer]))]
    i = ctx.rng.randrange(7)
    m = ctx.rng.randrange(12)
    mo = MONTHS[m]
    si = ctx.rng.randrange(4)
    s = {"day": DAYS[i], "next": DAYS[(i + 1) % 7], "prev": DAYS[i - 1],
         "month": mo["month"], "next_month": MONTHS[(m + 1) % 12]["month"],
         "days": mo["days"], "ord": ORDINALS[m], "n": m + 1,
         "north": mo["north"], "south": mo["south"],
         "season": SEASONS[si], "next_season": SEASONS[(si + 1) % 4]}
    user = ask(ctx, CAL_ASKS[what], **s)
    says = {
        "next_day": ["{next} comes after {day}.", "The day after {day} is {next}.",
                     "Tomorrow would be {next}."],
        "prev_day": ["{prev} comes before {day}.", "The day before {day} is {prev}.",
                     "Yesterday was {prev}."],
        "next_month": ["{next_month} comes after {month}.",
                       "The month after {month} is {next_month}."],
        "month_days": ["{month} has {days} days.", "There are {days} days in {month}."],
        "month_order": ["The {ord} month of the year is {month}.",
                        "Month number {n} is {month}."],
        "month_number": ["{month} is the {ord} month of the year.",
                         "{month} is month number {n}."],
        "month_season": ["North of the equator, {month} is in {north}, and south of "
                         "the equator it is in {south}."],
        "next_season": ["{next_season} comes after {season}.",
                        "After {season} comes {next_season}."],
        "weekend": ["In many countries, the weekend is Saturday and Sunday."],
        "days_list": ["The days of the week are Monday, Tuesday, Wednesday, "
                      "Thursday, Friday, Saturday and Sunday."],
        "months_list": ["The months are January, February, March, April, May, "
                        "June, July, August, September, October, November and "
                        "December."],
    }[what]
    body = [say(ctx, says, **s)]
    extras = {
        "month_season": "The seasons are opposite in the two halves of the world.",
        "weekend": "Some countries have their weekend on Friday and Saturday.",
        "days_list": "A week has seven days.",
        "months_list": "A year has twelve months.",
    }
    if what in extras:
        body.append(said(extras[what]))
    if what == "month_days" and mo["month"] == "February":
        body.append(said("A leap year comes about every four years."))
    return [turn(ctx, user, reply(ctx, body))]


# --- arithmetic and numbers ------------------------------------------------

MATH_ASKS = {
    "+": words("""
What is {a} plus {b}?; What's {a} + {b}?; What is {a} + {b}?;
How much is {a} plus {b}?; Can you add {a} and {b}?; Add {a} and {b}.;
{a} + {b} = ?; What do you get if you add {a} and {b}?;
What's the sum of {a} and {b}?; Quick math: {a} plus {b}?; What's {a}+{b}?;
Please work out {a} + {b}.; What is {wa} plus {wb}?; Help me add {a} and {b}.;
What's {a} and {b} added together?; If I add {a} to {b}, what do I get?;
Sum up {a} and {b}."""),
    "-": words("""
What is {a} minus {b}?; What's {a} - {b}?; How much is {a} take away {b}?;
Subtract {b} from {a}.; What do you get if you take {b} away from {a}?;
{a} - {b} = ?; What is {a} - {b}?; What's {a} minus {b}?;
What is {wa} minus {wb}?; Can you subtract {b} from {a}?;
If I take {b} from {a}, what's left?; What's left if you take {b} from {a}?;
What is {a} take away {b}?"""),
    "*": words("""
What is {a} times {b}?; What's {a} x {b}?; What is {a} multiplied by {b}?;
Multiply {a} by {b}.; What is {a} * {b}?; How much is {a} times {b}?;
What's the product of {a} and {b}?; What's {a} times {b}?;
What is {wa} times {wb}?; Can you multiply {a} and {b}?;
What do you get when you multiply {a} by {b}?; {a} times {b} equals what?;
What's {a} multiplied by {b}?"""),
    "/": words("""
What is {a} divided by {b}?; What's {a} / {b}?; Divide {a} by {b}.;
How many times does {b} go into {a}?; What is {a} / {b}?;
How much is {a} divided by {b}?;
If I split {a} into {b} equal groups, how many are in each group?;
What is {wa} divided by {wb}?; What's {a} divided by {b}?;
How many {b}s are in {a}?; Split {a} into {b} equal parts. How much is each?"""),
}
MATH_SAYS = {
    "+": words("{a} plus {b} is {c}.; {a} + {b} = {c}.; The answer is {c}.; It's {c}.; That makes {c}.; {a} plus {b} equals {c}."),
    "-": words("{a} minus {b} is {c}.; {a} - {b} = {c}.; The answer is {c}.; It's {c}.; That leaves {c}.; {a} minus {b} equals {c}."),
    "*": words("{a} times {b} is {c}.; {a} x {b} = {c}.; The answer is {c}.; It's {c}.; {a} multiplied by {b} is {c}."),
    "/": words("{a} divided by {b} is {c}.; {a} / {b} = {c}.; The answer is {c}.; It's {c}.; {b} goes into {a} {c} times."),
}
MATH_EXPLAIN = {
    "+": words("If you start at {a} and count up {b} more, you reach {c}.; Adding {b} to {a} gives {c}."),
    "-": words("If you start at {a} and count back {b}, you reach {c}.; Taking {b} away from {a} leaves {c}."),
    "*": words("That's {a} groups of {b}.; {b} times {a} is also {c}."),
    "/": words("That's because {b} times {c} is {a}.; {a} split into {b} equal groups gives {c} in each."),
}
MATH_MORE_ASKS = words("""
And if I add {d} more?; What if I add {d}?; Now add {d}.; Plus {d}?;
And plus {d}?; What if I add {d} more?; Then add {d}.""")
MATH_MORE_SAYS = words("""
Then you get {e}.; {c} plus {d} is {e}.; That makes {e}.; Then it's {e}.
""")
MATH_SURE_ASKS = words("""
Are you sure?; Really?; Can you check that?; Is that right?; Is that correct?;
Double check, please.""")
MATH_SURE_SAYS = words("""
Yes, I'm sure. {sentence}; Yes. {sentence}; Let me check. {sentence} Yes, that's right.
""")
WORD_PROBLEMS = {
    "+": (words("""
I have {a} {items}. I get {b} more. How many do I have now?;
There are {a} {items} in a box and I put in {b} more. How many are in the box?;
{name} has {a} {items} and finds {b} more. How many does {name} have?"""),
          words("""
You have {c} {items} now, because {a} plus {b} is {c}.; That makes {c} {items}, since {a} + {b} = {c}.;
{c} {items}. {a} plus {b} is {c}.""")),
    "-": (words("""
I had {a} {items} and gave {b} away. How many are left?;
There were {a} {items} on the table and {b} were taken. How many are left?;
{name} had {a} {items} and lost {b}. How many does {name} have now?"""),
          words("""
There are {c} {items} left, because {a} minus {b} is {c}.; {c} {items} are left, since {a} - {b} = {c}.;
{c} {items}. {a} minus {b} is {c}.""")),
    "*": (words("""
There are {a} bags with {b} {items} in each. How many {items} are there in total?;
I have {a} boxes and each one has {b} {items}. How many {items} is that?;
{name} buys {a} packs of {b} {items}. How many {items} is that?"""),
          words("""
There are {c} {items} in total, because {a} times {b} is {c}.; That's {c} {items}, since {a} x {b} = {c}.;
{c} {items}. {a} times {b} is {c}.""")),
    "/": (words("""
I want to share {a} {items} equally among {b} friends. How many does each friend get?;
{a} {items} are split into {b} equal groups. How many are in each group?;
{name} puts {a} {items} into {b} equal piles. How many are in each pile?"""),
          words("""
Each one gets {c} {items}, because {a} divided by {b} is {c}.; {c} {items} each, since {a} / {b} = {c}.;
{c} {items}. {a} divided by {b} is {c}.""")),
}
NUMBER_ASKS = {
    "even": words("""
Is {n} even or odd?; Is {n} an even number?; Is {n} odd?; Is {n} even?;
Is the number {n} even or odd?; Would you call {n} odd or even?"""),
    "after": words("""
What number comes after {n}?; What's the next number after {n}?;
What comes after {n}?; What's one more than {n}?; Which number follows {n}?"""),
    "before": words("""
What number comes before {n}?; What's the number before {n}?;
What's one less than {n}?"""),
    "bigger": words("""
Which is bigger, {n} or {m}?; Is {n} bigger than {m}?;
Which number is larger, {n} or {m}?; Which is more, {n} or {m}?"""),
    "spell": words("""
How do you write {n} in words?; How do you spell the number {n}?;
What is {n} in words?; Write {n} in words, please."""),
    "half": words("""
What is half of {n}?; What's half of {n}?; Half of {n} is what?;
What's {n} divided by 2?"""),
    "double": words("""
What is double {n}?; What's twice {n}?; What is {n} doubled?;
What's {n} plus {n}?"""),
    "count": words("Count to {n}.; Can you count to {n}?; Count from 1 to {n}, please."),
}


def math_problem(ctx, op):
    r = ctx.rng
    if op == "+":
        a, b = r.randint(2, 50 if r.random() < 0.7 else 500), r.randint(2, 50)
        c = a + b
    elif op == "-":
        c, b = r.randint(2, 60), r.randint(2, 40)
        a = b + c
    elif op == "*":
        a, b = r.randint(2, 12), r.randint(2, 12)
        c = a * b
    else:
        b, c = r.randint(2, 12), r.randint(2, 12)
        a = b * c
    return a, b, c


def math_slots(a, b, c):
    s = {"a": a, "b": b, "c": c}
    if a < 100 and b < 100:
        s["wa"], s["wb"] = number_words(a), number_words(b)
    return s


def gen_math(ctx):
    op = ctx.pick(["+", "+", "-", "-", "*", "*", "/"])
    a, b, c = math_problem(ctx, op)
    s = math_slots(a, b, c)
    if ctx.chance(0.25):
        s.update(items=ctx.pick(COUNTABLES), name=ctx.pick(USER_NAMES))
        asks, says = WORD_PROBLEMS[op]
        return [turn(ctx, ask(ctx, asks, **s), reply(ctx, [say(ctx, says,
                                                               **s)]))]
    forms = [f for f in MATH_ASKS[op] if "{wa}" not in f or "wa" in s]
    first = say(ctx, MATH_SAYS[op], **s)
    body = [first]
    if ctx.chance(0.35):
        body.append(say(ctx, MATH_EXPLAIN[op], **s))
    turns = [turn(ctx, ask(ctx, forms, **s), reply(ctx, body))]
    r = ctx.rng.random()
    if r < 0.2 and op in "+-":
        d = ctx.rng.randint(2, 20)
        s.update(d=d, e=c + d)
        turns.append(turn(ctx, ask(ctx, MATH_MORE_ASKS, **s),
                          reply(ctx, [say(ctx, MATH_MORE_SAYS, **s)]),
                          allow_prefix=False))
    elif r < 0.3:
        sentence = tidy(fill(MATH_SAYS[op][0], s))
        turns.append(turn(ctx, ask(ctx, MATH_SURE_ASKS),
                          reply(ctx, [say(ctx, MATH_SURE_SAYS,
                                          sentence=sentence)]),
                          allow_prefix=False))
    return turns


def gen_number(ctx):
    what = ctx.pick(list(NUMBER_ASKS))
    r = ctx.rng
    n = r.randint(1, 100)
    m = r.randint(1, 100)
    while m == n:
        m = r.randint(1, 100)
    if what == "half":
        n = 2 * r.randint(1, 50)
    if what == "count":
        n = r.randint(3, 10)
    if what == "spell":
        n = r.randint(0, 999)
    if what == "before":
        n = r.randint(2, 100)
    s = {"n": n, "m": m}
    user = ask(ctx, NUMBER_ASKS[what], **s)
    if what == "even":
        parity = "even" if n % 2 == 0 else "odd"
        body = [say(ctx, ["{n} is an {p} number.", "{n} is {p}."], n=n,
                    p=parity),
                said("Even numbers end in 0, 2, 4, 6 or 8." if parity == "even"
                     else "Odd numbers end in 1, 3, 5, 7 or 9.")]
    elif what == "after":
        body = [say(ctx, ["{k} comes after {n}.", "The next number is {k}."],
                    n=n, k=n + 1)]
    elif what == "before":
        body = [say(ctx, ["{k} comes before {n}.",
                          "The number before {n} is {k}."], n=n, k=n - 1)]
    elif what == "bigger":
        big, small = max(n, m), min(n, m)
        body = [say(ctx, ["{big} is bigger than {small}.",
                          "{big} is the bigger number."], big=big,
                    small=small)]
        if user.startswith("Is %d bigger" % n):
            body[0] = ("Yes, " if n > m else "No, ") + body[0]
    elif what == "spell":
        body = [say(ctx, ["{n} is written {w}.", "In words, {n} is {w}."],
                    n=n, w=number_words(n))]
    elif what == "half":
        body = [say(ctx, ["Half of {n} is {k}.", "It's {k}."], n=n,
                    k=n // 2)]
    elif what == "double":
        body = [say(ctx, ["Double {n} is {k}.", "It's {k}.",
                          "{n} times 2 is {k}."], n=n, k=2 * n)]
    else:
        body = [", ".join(str(i) for i in range(1, n)) + " and %d." % n]
        if ctx.chance(0.4):
            body.append(said("Counting is fun!") if ctx.chance(0.5) else
                        said("Well done for counting along."))
    return [turn(ctx, user, reply(ctx, body))]


# --- family words ----------------------------------------------------------

FAMILY_ASKS = words("""
What do you call {who}?; What is {who} to me?; Who is {who} to me?;
What's the word for {who}?; What relation is {who} to me?;
What should I call {who}?; Is there a word for {who}?;
How is {who} related to me?""")
FAMILY_SAYS = words("""
{your} is your {word}.; That's your {word}.; You call {your} your {word}.;
{your} is called your {word}.
""")


def gen_family(ctx):
    f = ctx.pick(FAMILY)
    your = f["who"].replace("my ", "your ")
    user = ask(ctx, FAMILY_ASKS, who=f["who"])
    return [turn(ctx, user, reply(ctx, [say(ctx, FAMILY_SAYS, your=your,
                                            word=f["word"])]))]


# --- jokes, riddles, stories and fun facts ---------------------------------

def gen_joke(ctx):
    jokes = ctx.sample(JOKES, 2)
    first = said(jokes[0]["setup"] + " " + jokes[0]["punch"])
    lead = say(ctx, JOKE_LEADS) if ctx.chance(0.5) else None
    turns = [turn(ctx, ask(ctx, JOKE_ASKS), reply(ctx, [first], lead),
                  allow_prefix=False)]
    r = ctx.rng.random()
    if r < 0.3:
        turns.append(turn(ctx, ask(ctx, ANOTHER_ASKS),
                          reply(ctx, [said(jokes[1]["setup"] + " " +
                                           jokes[1]["punch"])]),
                          allow_prefix=False))
    elif r < 0.5:
        turns.append(closing_turn(ctx, "laugh"))
    return turns


def gen_riddle(ctx):
    rd = ctx.pick(RIDDLES)
    a = rd["a"]
    a_lower = a[0].lower() + a[1:]
    turns = [turn(ctx, ask(ctx, RIDDLE_ASKS),
                  reply(ctx, [said(rd["q"])],
                        say(ctx, ["Here's one.", "Okay, try this one.",
                                  "Sure!", "Here's a riddle."])
                        if ctx.chance(0.5) else None), allow_prefix=False)]
    if ctx.brief:
        return turns
    turns.append(turn(ctx, ask(ctx, RIDDLE_GIVE_UP),
                      tidy(say(ctx, RIDDLE_ANSWER_FORMS, a=a,
                               a_lower=a_lower)),
                      allow_prefix=False))
    return turns


def gen_story(ctx):
    stories = ctx.sample(STORIES, 2)
    turns = [turn(ctx, ask(ctx, STORY_ASKS), reply(ctx, [said(stories[0])]),
                  allow_prefix=False)]
    if ctx.chance(0.2):
        turns.append(turn(ctx, ask(ctx, ANOTHER_ASKS),
                          reply(ctx, [said(stories[1])]), allow_prefix=False))
    return turns


def fun_facts():
    facts = []
    for table_rows in (ANIMALS, FOODS, COUNTRIES, CITIES, PLANETS, SPORTS,
                       INSTRUMENTS, CONTINENTS, OCEANS):
        for row in table_rows:
            facts += row["facts"]
    return facts


FUN_FACTS = fun_facts()


def gen_fun_fact(ctx):
    block = SMALL_TALK["interesting"]
    facts = ctx.sample(FUN_FACTS, 2)
    turns = [turn(ctx, ask(ctx, block["ask"]),
                  reply(ctx, [said(facts[0])], say(ctx, block["intro"])),
                  allow_prefix=False)]
    if ctx.chance(0.3):
        turns.append(turn(ctx, ask(ctx, ANOTHER_ASKS + MORE_ASKS[:5]),
                          reply(ctx, [said(facts[1])]), allow_prefix=False))
    return turns


# --- words and fact checks -------------------------------------------------

OPPOSITE_ASKS = words("""
What is the opposite of {word}?; What's the opposite of {word}?;
What word means the opposite of {word}?; Give me the opposite of {word}.;
Opposite of {word}?; What's the antonym of {word}?;
Tell me the opposite of {word}.; What is the reverse of {word}?""")
OPPOSITE_SAYS = words("""
The opposite of {word} is {opposite}.; {opposite} is the opposite of {word}.;
It's {opposite}.
""")
SYNONYM_ASKS = words("""
What's another word for {word}?; Give me another word for {word}.;
What are some words that mean {word}?; What's a synonym for {word}?;
What word means the same as {word}?; How else can I say {word}?;
Is there another word for {word}?""")
SYNONYM_SAYS = words("""
Other words for {word} are {others}.; You could say {others}.;
Some words that mean {word} are {others}.
""")
PLURAL_ASKS = words("""
What is the plural of {word}?; What's the plural of {word}?;
How do you say more than one {word}?;
If there are two of them, is it {word}s?;
What do you call more than one {word}?;
How do I say {word} for more than one?""")
PLURAL_SAYS = words("""
The plural of {word} is {plural}.; One {word}, two {plural}.; It's {plural}.
""")
RHYME_ASKS = words("""
What rhymes with {word}?; What words rhyme with {word}?;
Give me a rhyme for {word}.; Can you think of words that rhyme with {word}?;
Tell me a word that rhymes with {word}.; I need a rhyme for {word}.""")
RHYME_SAYS = words("""
{rhymes} all rhyme with {word}.; Words that rhyme with {word} include {rhymes}.;
You could use {rhymes}.
""")
SPELL_ASKS = words("""
How do you spell {word}?; How is {word} spelled?; Spell {word} for me.;
Can you spell {word}?; What's the spelling of {word}?;
How do I spell the word {word}?""")
SPELL_SAYS = words("""
{word} is spelled {letters}.; It's spelled {letters}.; {letters}.
""")
LETTER_ASKS = words("""
How many letters are in the word {word}?; How many letters does {word} have?;
Count the letters in {word}.; How long is the word {word}?""")
LETTER_SAYS = words("""
The word {word} has {n} letters.; {word} has {n} letters.; There are {n} letters in {word}.
""")
FIRST_LETTER_ASKS = words("""
What letter does {word} start with?; What is the first letter of {word}?;
Which letter does the word {word} begin with?
""")
FIRST_LETTER_SAYS = words("""
{word} starts with the letter {l}.; The first letter of {word} is {l}.; It starts with {l}.
""")


def spelling_words():
    names = [a["animal"] for a in ANIMALS] + [f["food"] for f in FOODS] + \
        [c[2] for c in COLOR_MIXES] + SEASONS
    return [w for w in names if w.isalpha()]


SPELLING_WORDS = spelling_words()


def gen_language(ctx):
    what = ctx.pick(["opposite", "opposite", "synonym", "plural", "rhyme",
                     "spell", "letters", "first"])
    if what == "opposite":
        row = ctx.pick(OPPOSITES)
        return [turn(ctx, ask(ctx, OPPOSITE_ASKS, **row),
                     reply(ctx, [say(ctx, OPPOSITE_SAYS, **row)]))]
    if what == "synonym":
        row = ctx.pick(SYNONYMS)
        return [turn(ctx, ask(ctx, SYNONYM_ASKS, **row),
                     reply(ctx, [say(ctx, SYNONYM_SAYS, **row)]))]
    if what == "plural":
        row = ctx.pick(PLURALS)
        body = [say(ctx, PLURAL_SAYS, **row)]
        if row["plural"] != plural_of(row["word"]) and ctx.chance(0.5):
            body.append(said("It's one of the plurals that don't follow "
                             "the usual rule."))
        return [turn(ctx, ask(ctx, PLURAL_ASKS, **row), reply(ctx, body))]
    if what == "rhyme":
        row = ctx.pick(RHYMES)
        return [turn(ctx, ask(ctx, RHYME_ASKS, **row),
                     reply(ctx, [say(ctx, RHYME_SAYS, **row)]))]
    word = ctx.pick(SPELLING_WORDS)
    s = {"word": word, "letters": "-".join(word.upper()), "n": len(word),
         "l": word[0].upper()}
    forms = {"spell": (SPELL_ASKS, SPELL_SAYS),
             "letters": (LETTER_ASKS, LETTER_SAYS),
             "first": (FIRST_LETTER_ASKS, FIRST_LETTER_SAYS)}[what]
    return [turn(ctx, ask(ctx, forms[0], **s),
                 reply(ctx, [say(ctx, forms[1], **s)]))]


def gen_fact_check(ctx):
    row = ctx.pick(FACT_CHECKS)
    user = ask(ctx, row["asks"])
    n = ctx.pick([1, 2, 2])
    turns = [turn(ctx, user, reply(ctx, [said(x) for x in row["says"][:n]]))]
    if row["says"][n:] and ctx.chance(0.4):
        turns.append(turn(ctx, ask(ctx, WHY_ASKS + MORE_ASKS[:6]),
                          reply(ctx, [said(x) for x in row["says"][n:]]),
                          allow_prefix=False))
    return turns


# --- the user talks about themselves ---------------------------------------

PETS = table("""
dog | dogs | Dogs love walks, play and lots of attention. | Make sure {pet_name} gets a walk every day.
cat | cats | Cats are curious and like a cozy place to nap. | A scratching post will keep {pet_name} happy.
rabbit | rabbits | Rabbits are gentle and love to munch hay. | Give {pet_name} plenty of hay and room to hop.
hamster | hamsters | Hamsters are small, busy and awake mostly at night. | A wheel and a cozy nest will keep {pet_name} happy.
parrot | parrots | Parrots are clever and love to chatter. | Talk to {pet_name} every day, because parrots love company.
goldfish | goldfish | Goldfish are calm and fun to watch. | Keep {pet_name}'s water clean and don't overfeed.
turtle | turtles | Turtles are quiet and can live a long time. | Make sure {pet_name} has a warm spot to bask.
guinea pig | guinea pigs | Guinea pigs are friendly and squeak when they're happy. | Guinea pigs like company, so {pet_name} might enjoy a friend.
""", ["pet", "pets", "about", "tip"])

PET_NAMES = words("""
Max; Luna; Bella; Charlie; Milo; Daisy; Coco; Rocky; Buddy; Lucy; Oreo;
Pepper; Ginger; Biscuit; Shadow; Bubbles; Sunny; Ollie; Poppy; Teddy;
Maple; Jasper; Pip; Nala
""")

HAVE_PET_ASKS = words("""
I have a {pet}.; I just got a {pet}.; My family has a {pet}.;
We have a {pet} at home.; I own a {pet}.; Guess what? I have a {pet}!;
I live with a {pet}.
""")
HAVE_PET_SAYS = words("""
How lovely!; That's great!; How nice!; Oh, I love that.; Wonderful!
""")
PET_NAME_QUESTIONS = words("""
What's your {pet}'s name?; What's its name?; What do you call your {pet}?;
Does your {pet} have a name?
""")
GIVE_PET_NAME = words("""
{pet_name}.; Its name is {pet_name}.; We call it {pet_name}.;
The name is {pet_name}.; {pet_name}! We love that name.
""")
PET_NAME_REPLIES = words("""
{pet_name} is a great name for a {pet}!; {pet_name} is such a cute name.;
I like that name. Hello, {pet_name}!; What a nice name!
""")

LIVE_IN_ASKS = words("""
I live in {city}.; I'm from {city}.; I just moved to {city}.;
My home is in {city}.; I grew up in {city}.
""")
LIVE_IN_SAYS = words("""
Oh, {city}!; How nice!; {city} sounds lovely.; That's great!
""")
LIVE_IN_OUTROS = words("""
Do you like living there?; What do you like most about it?;
How long have you lived there?
""")
LIKE_PLACE_ANSWERS = words("""
Yes, I love it.; It's a nice place.; Yes, it's great.;
Mostly, yes.; I really like it here.
""")
LIKE_PLACE_REPLIES = words("""
That's great to hear!; It's lovely to live somewhere you like.;
I'm glad you're happy there.; How nice!
""")

FROM_COUNTRY_ASKS = words("""
I'm from {country}.; I was born in {country}.; My family comes from {country}.;
I grew up in {country}.
""")
FROM_COUNTRY_OUTROS = words("""
What do you miss most about it?; Do you still live there?;
What's your favorite thing about {country}?
""")


def gen_share(ctx):
    r = ctx.rng.random()
    if r < 0.45:
        p = ctx.pick(PETS)
        s = {"pet": p["pet"], "pet_name": ctx.pick(PET_NAMES)}
        first = reply(ctx, [say(ctx, HAVE_PET_SAYS), said(p["about"])],
                      outro=say(ctx, PET_NAME_QUESTIONS, **s))
        turns = [turn(ctx, ask(ctx, HAVE_PET_ASKS, **s), first)]
        if not ctx.brief and ctx.chance(0.7):
            turns.append(turn(ctx, ask(ctx, GIVE_PET_NAME, **s),
                              reply(ctx, [say(ctx, PET_NAME_REPLIES, **s),
                                          said(fill(p["tip"], s))]),
                              allow_prefix=False))
        return turns
    if r < 0.75:
        city = ctx.pick(CITIES)
        s = {"city": city["city"], "country": city["country"]}
        body = [say(ctx, LIVE_IN_SAYS, **s), said(ctx.pick(city["facts"]))]
        turns = [turn(ctx, ask(ctx, LIVE_IN_ASKS, **s),
                      reply(ctx, body, outro=say(ctx, LIVE_IN_OUTROS)))]
        if not ctx.brief and ctx.chance(0.5):
            turns.append(turn(ctx, ask(ctx, LIKE_PLACE_ANSWERS),
                              reply(ctx, [say(ctx, LIKE_PLACE_REPLIES)]),
                              allow_prefix=False))
        return turns
    c = ctx.pick(COUNTRIES)
    s = {"country": c["country"]}
    body = [say(ctx, LIVE_IN_SAYS, city=c["country"]),
            said(ctx.pick(c["facts"]))]
    return [turn(ctx, tidy(ask(ctx, FROM_COUNTRY_ASKS, **s)),
                 reply(ctx, body, outro=say(ctx, FROM_COUNTRY_OUTROS, **s)))]


# ===========================================================================
# Conversations
# ===========================================================================

GENERATORS = [
    (14, gen_small_talk), (6, gen_feelings), (5, gen_favorites),
    (12, gen_chat), (10, gen_advice), (7, gen_howto), (5, gen_dish),
    (5, gen_food), (7, gen_animal), (5, gen_country), (2, gen_place),
    (7, gen_knowledge), (6, gen_definition), (3, gen_weather),
    (3, gen_hobby), (2, gen_sport), (2, gen_music), (2, gen_job),
    (2, gen_color), (2, gen_shape_planet), (3, gen_calendar), (4, gen_math),
    (2, gen_number), (1, gen_family), (2, gen_joke), (1, gen_riddle),
    (1, gen_story), (2, gen_fun_fact), (3, gen_language),
    (5, gen_fact_check), (3, gen_share),
]

CHARACTER_ROLES = [j for j in JOBS if j["me"]]
TRAIT_GROUP = {t: g for g, ts in TRAITS.items() for t in ts}
TRAIT_LIST = [t for ts in TRAITS.values() for t in ts]

# A conversation must fit the base model's 256-token context. The byte-level
# BPE tokenizer (vocabulary ~4096) gives roughly 3.5 characters per token on
# this text; 3.0 is used to stay on the safe side.
CONTEXT_TOKENS = 256
CHARS_PER_TOKEN = 3.0
TOKENS_PER_MESSAGE = 5          # <|im_start|>, role, newline, <|im_end|>, newline


def estimated_tokens(system, turns):
    chars = len(system or "") + sum(len(u) + len(a) for u, a in turns)
    messages = 2 * len(turns) + (1 if system else 0)
    return int(chars / CHARS_PER_TOKEN) + TOKENS_PER_MESSAGE * messages + 1


def pick_system(rng):
    """Returns (system text or None, kind, Ctx)."""
    r = rng.random()
    if r < 0.42:
        return rng.choice(NEUTRAL_SYSTEMS), "neutral", Ctx(rng)
    if r < 0.50:
        return rng.choice(BRIEF_SYSTEMS), "brief", Ctx(rng, brief=True)
    if r < 0.70:
        job = rng.choice(CHARACTER_ROLES)
        trait = rng.choice(TRAIT_LIST)
        persona = {"name": rng.choice(CHARACTER_NAMES), "role": job["job"],
                   "trait": trait, "group": TRAIT_GROUP[trait],
                   "me": job["me"]}
        system = fill(rng.choice(CHARACTER_SYSTEMS),
                      {"name": persona["name"], "trait": trait,
                       "a_trait": a_(trait), "role": job["job"],
                       "a_role": a_(job["job"])})
        return system, "character", Ctx(rng, persona=persona)
    return None, "none", Ctx(rng)


def pick_generator(rng):
    total = sum(w for w, _ in GENERATORS)
    x = rng.random() * total
    for w, gen in GENERATORS:
        x -= w
        if x < 0:
            return gen
    return GENERATORS[-1][1]


def build_conversation(rng):
    system, kind, ctx = pick_system(rng)
    turns = []
    if ctx.persona and ctx.chance(0.45):
        turns += gen_persona_opener(ctx)
    elif ctx.chance(0.06):
        turns += gen_small_talk(ctx, "greet")
    turns += pick_generator(rng)(ctx)
    if len(turns) < 3:
        r = rng.random()
        if r < 0.22:
            turns.append(closing_turn(ctx))
        elif r < 0.32:
            turns += pick_generator(rng)(ctx)[:1]
    turns = turns[:3]
    while len(turns) > 1 and estimated_tokens(system, turns) > CONTEXT_TOKENS:
        turns.pop()
    return system, kind, turns


def render(system, turns):
    out = []
    if system:
        out.append("<|im_start|>system\n%s<|im_end|>\n" % system)
    for user, assistant in turns:
        out.append("<|im_start|>user\n%s<|im_end|>\n" % user)
        out.append("<|im_start|>assistant\n%s<|im_end|>\n" % assistant)
    out.append("<|endoftext|>\n")
    return "".join(out)


# ===========================================================================
# Checks
# ===========================================================================

def read_lines(pattern):
    lines = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as f:
            lines += [l.strip() for l in f if l.strip()]
    return lines


def marker_regex(markers):
    """Markers match case-insensitively where no letter touches them."""
    alternation = "|".join(re.escape(m) for m in
                           sorted(set(markers), key=len, reverse=True))
    return re.compile(r"(?<![a-z])(?:%s)(?![a-z])" % alternation,
                      re.IGNORECASE)


WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


def english_share(replies, dictionary):
    known = total = 0
    unknown = collections.Counter()
    for text in replies:
        for w in WORD.findall(text.lower()):
            total += 1
            if w in dictionary:
                known += 1
            else:
                unknown[w] += 1
    return known / max(total, 1), total, unknown


def problems_in(system, turns, held_out, markers):
    """Why a conversation may not go into the corpus, or None."""
    text = render(system, turns).lower()
    for prompt in held_out:
        if prompt in text:
            return "held-out prompt"
    for _, answer in turns:
        if markers.search(answer):
            return "persona marker"
        if "{" in answer or "}" in answer or not answer.endswith(
                (".", "!", "?")) or count_sentences(answer) > 3:
            raise ValueError("bad reply: " + answer)
    return None


# ===========================================================================
# Main
# ===========================================================================

def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument("--megabytes", type=float, default=16.0,
                        help="stop once the corpus is this big (default 16)")
    parser.add_argument("--output",
                        default=os.path.join(root, "data", "corpus",
                                             "chat.txt"))
    parser.add_argument("--datasets",
                        default=os.path.join(root, "data", "datasets"))
    parser.add_argument("--dictionary",
                        default="/usr/share/dict/american-english")
    args = parser.parse_args()

    held_out = [p.lower() for p in
                read_lines(os.path.join(args.datasets, "*.prompts.txt"))]
    markers = marker_regex([m.lower() for m in read_lines(
        os.path.join(args.datasets, "*.markers.txt"))])

    rng = random.Random(args.seed)
    target = int(args.megabytes * 1024 * 1024)
    size = 0
    chunks = []
    kinds = collections.Counter()
    turn_counts = collections.Counter()
    rejected = collections.Counter()
    users = collections.Counter()
    replies = collections.Counter()
    longest = 0
    while size < target:
        system, kind, turns = build_conversation(rng)
        problem = problems_in(system, turns, held_out, markers)
        if problem:
            rejected[problem] += 1
            continue
        text = render(system, turns)
        chunks.append(text)
        size += len(text.encode("utf-8"))
        kinds[kind] += 1
        turn_counts[len(turns)] += 1
        longest = max(longest, estimated_tokens(system, turns))
        for u, a in turns:
            users[u] += 1
            replies[a] += 1

    corpus = "".join(chunks)
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(corpus)

    report(args, corpus, chunks, kinds, turn_counts, rejected, users,
           replies, longest, held_out, markers)


def report(args, corpus, chunks, kinds, turn_counts, rejected, users, replies,
           longest, held_out, markers):
    n = len(chunks)
    n_replies = sum(replies.values())
    print("wrote %s" % args.output)
    print("size: %d bytes (%.2f MB)" % (len(corpus.encode("utf-8")),
                                         len(corpus.encode("utf-8")) / 2**20))
    print("conversations: %d" % n)
    print("turns per conversation: %s" % ", ".join(
        "%d: %.1f%%" % (k, 100 * turn_counts[k] / n)
        for k in sorted(turn_counts)))
    print("system prompts: %s" % ", ".join(
        "%s %.1f%%" % (k, 100 * kinds[k] / n) for k in
        ("neutral", "brief", "character", "none")))
    print("user messages: %d, distinct: %d" % (sum(users.values()),
                                                len(users)))
    print("assistant messages: %d, distinct: %d" % (n_replies, len(replies)))
    sentences = {s for form in ASSISTANT_FORMS for s in split_sentences(form)}
    print("hand-written forms used: %d user, %d assistant (%d distinct "
          "assistant sentences before slot-filling)" %
          (len(USER_FORMS), len(ASSISTANT_FORMS), len(sentences)))
    print("rejected while generating: %s" % (
        ", ".join("%s %d" % kv for kv in sorted(rejected.items()))
        or "none"))
    print("longest conversation: about %d tokens (estimate, limit %d)" %
          (longest, CONTEXT_TOKENS))

    sentence_counts = collections.Counter(count_sentences(a) for a in replies
                                          for _ in range(replies[a]))
    print("sentences per reply: %s" % ", ".join(
        "%d: %.1f%%" % (k, 100 * sentence_counts[k] / n_replies)
        for k in sorted(sentence_counts)))

    print("top 20 assistant messages:")
    for text, count in sorted(replies.items(),
                              key=lambda kv: (-kv[1], kv[0]))[:20]:
        print("  %5d  %.3f%%  %s" % (count, 100 * count / n_replies, text))

    with open(args.dictionary, encoding="utf-8") as f:
        dictionary = {w.strip().lower() for w in f}
    expanded = [a for a in replies for _ in range(replies[a])]
    share, total, unknown = english_share(expanded, dictionary)
    print("dictionary words in assistant replies: %.2f%% of %d words" %
          (100 * share, total))
    print("  most common words not in the dictionary: %s" % ", ".join(
        "%s (%d)" % kv for kv in sorted(unknown.items(),
                                        key=lambda kv: (-kv[1], kv[0]))[:30]))

    marker_hits = sum(count for text, count in replies.items()
                      if markers.search(text))
    marker_hits_all = len(markers.findall(corpus))
    print("persona markers in assistant replies: %d (anywhere in the corpus: "
          "%d)" % (marker_hits, marker_hits_all))
    low = corpus.lower()
    prompt_hits = sum(low.count(p) for p in held_out)
    print("held-out prompts found in the corpus: %d (of %d distinct prompts "
          "checked)" % (prompt_hits, len(set(held_out))))


if __name__ == "__main__":
    main()
